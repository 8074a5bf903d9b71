package fi.askel.remote.suitability;

import fi.askel.common.Dates;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SuitabilityPagesTest {

    @Test
    void the_specialist_assesses_on_the_form_and_a_refused_form_keeps_what_was_typed() {
        Rehab.Team team = Suitability.unassessed();
        long clientId = team.client().id();
        String form = "/clients/" + clientId + "/periods/" + team.periodId() + "/suitability";
        Browser browser = new Browser().signIn(team.specialist().username(), Api.PASSWORD);

        // The client's page tells where things stand and the programme form is refused with the reason.
        browser.get("/clients/" + clientId).then().statusCode(200)
                .body(containsString("Soveltuvuutta ei ole arvioitu"))
                .body(containsString("href=\"" + form + "\">Arvioi soveltuvuus"));
        browser.post("/clients/" + clientId + "/assignments", Map.of("modules", "sleep-and-recovery")).then().statusCode(409)
                .body(containsString("Etäkuntoutuksen soveltuvuutta ei ole vielä arvioitu tällä kuntoutusjaksolla."));

        browser.get("/appointments").then().statusCode(200);
        browser.post("/appointments", Map.of("clientId", String.valueOf(clientId), "date", Dates.today().plusDays(2).toString(),
                "time", "10:00", "duration", "45", "topic", "Alkutapaaminen")).then().statusCode(409)
                .body(containsString("Etäkuntoutuksen soveltuvuutta ei ole vielä arvioitu tällä kuntoutusjaksolla."))
                .body(containsString("value=\"Alkutapaaminen\""));
        assertEquals(0, Suitability.appointmentCount(team));

        browser.get(form).then().statusCode(200)
                .body(containsString("<legend>Toimivatko laitteet ja yhteys koepuhelussa? <span class=\"required\""))
                .body(containsString("aria-describedby=\"f-testCall-hint\""))
                .body(containsString("<label for=\"f-testCall-NOT_YET\">Koepuhelua ei ole vielä tehty</label>"))
                .body(containsString("<label for=\"f-reasons\">Perustelut</label>"))
                .body(containsString("Arvioita ei ole vielä tehty."));

        Map<String, String> answers = new HashMap<>(Map.of("testCall", "YES", "testCallNote", "Toimii tabletilla",
                "privateSpace", "PARTLY", "digitalSkills", "SOME_HELP", "handsOnNeeded", "true", "clientWish", "WANTS_REMOTE",
                "interpreterNeeded", "false", "clientConsented", "true", "decision", "SUITABLE",
                "reasons", "Tytär auttaa alussa."));
        browser.post(form, answers).then().statusCode(400)
                .body(containsString("Päätös ei voi olla ”soveltuu”"))
                .body(containsString("aria-describedby=\" f-decision-error\""))
                .body(containsString("id=\"f-decision-SUITABLE\" name=\"decision\" value=\"SUITABLE\" checked required aria-invalid=\"true\""))
                .body(containsString("id=\"f-privateSpace-PARTLY\" name=\"privateSpace\" value=\"PARTLY\" checked"))
                .body(containsString(">Toimii tabletilla</textarea>"))
                .body(containsString(">Tytär auttaa alussa.</textarea>"));
        Suitability.read(team.specialist(), team).statusCode(200).body("history.size()", org.hamcrest.Matchers.equalTo(0));

        answers.put("decision", "SUITABLE_WITH_SUPPORT");
        answers.put("supportMeasures", "Ensimmäinen tapaaminen paikan päällä.");
        Response saved = browser.post(form, answers);
        assertEquals(303, saved.statusCode());
        assertTrue(saved.header("Location").endsWith(form + "?saved=1#state"), saved.header("Location"));
        browser.get(form + "?saved=1").then().statusCode(200)
                .body(containsString("Arvio on tallennettu."))
                .body(containsString("Etäkuntoutus on mahdollista"))
                .body(containsString("Ensimmäinen tapaaminen paikan päällä."))
                .body(containsString("Arvioi uudelleen"))
                .body(containsString("Lomakkeella ovat edellisen arvion vastaukset."));
        browser.get("/clients/" + clientId).then().statusCode(200)
                .body(containsString("Etäkuntoutus on mahdollista"))
                .body(containsString("Soveltuu tuella"));
        browser.post("/clients/" + clientId + "/assignments", Map.of("modules", "sleep-and-recovery")).then().statusCode(303);
    }

    @Test
    void the_client_reads_their_assessment_in_their_own_language_on_a_printable_page() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account client = Api.create("CLIENT", "sv");
        long periodId = specialist.as().body(Map.of("clientId", client.id(), "serviceType", "REHAB_COURSE",
                        "startsOn", Dates.today().toString(), "endsOn", Dates.today().plusDays(60).toString()))
                .post("/api/v1/periods").then().statusCode(201).extract().jsonPath().getLong("id");
        Browser browser = new Browser().signIn(client.username(), Api.PASSWORD);
        browser.get("/me/suitability").then().statusCode(200)
                .body(containsString("Ingen bedömning har gjorts ännu."));
        Rehab.Team team = new Rehab.Team(specialist, client, periodId);
        Suitability.assess(team, Suitability.with("decision", "SUITABLE_WITH_SUPPORT", "digitalSkills", "MUCH_HELP",
                "reasons", "Behöver hjälp med tekniken.", "supportMeasures", "Sonen hjälper till vid de första samtalen."))
                .statusCode(201);

        browser.get("/").then().statusCode(200).body(containsString("href=\"/me/suitability\""));
        browser.get("/me/suitability").then().statusCode(200)
                .body(containsString("<html lang=\"sv\""))
                .body(containsString("Distansrehabilitering passar dig när du får stöd."))
                .body(containsString("Behöver mycket hjälp"))
                .body(containsString("Sonen hjälper till vid de första samtalen."))
                .body(containsString("Du har gett ditt samtycke till distansrehabilitering"))
                .body(containsString("href=\"/static/suitability.css\""))
                .body(containsString("data-print"))
                .body(not(containsString("name=\"decision\"")));
        browser.get("/static/suitability.css").then().statusCode(200).body(containsString("@media print"));
        // The specialist's pages are not the client's.
        browser.get("/clients/" + client.id() + "/periods/" + periodId + "/suitability").then().statusCode(403);
    }

    @Test
    void an_unrelated_specialist_does_not_find_the_page() {
        Rehab.Team team = Rehab.team();
        Api.Account stranger = Api.create("SPECIALIST");
        Browser browser = new Browser().signIn(stranger.username(), Api.PASSWORD);
        String form = "/clients/" + team.client().id() + "/periods/" + team.periodId() + "/suitability";
        browser.get(form).then().statusCode(404);
        Rehab.Team other = Rehab.team();
        // A period of another client under this client's address is not found either.
        new Browser().signIn(team.specialist().username(), Api.PASSWORD)
                .get("/clients/" + team.client().id() + "/periods/" + other.periodId() + "/suitability").then().statusCode(404);
    }
}
