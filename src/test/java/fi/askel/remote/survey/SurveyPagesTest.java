package fi.askel.remote.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The survey pages without JavaScript: the client's form, the specialist's view, the admin's results. */
@QuarkusTest
class SurveyPagesTest {

    @Test
    void a_client_answers_through_the_form_and_only_their_specialist_reads_the_free_text() {
        Api.Account specialist = Api.create("SPECIALIST");
        Rehab.Team team = SurveyApiTest.team(specialist, -10, 10);
        String marker = Api.unique("Kuva jäätyi");
        String form = "/surveys/" + team.periodId() + "/MIDPOINT";
        Browser client = new Browser().signIn(team.client().username(), Api.PASSWORD);

        String dashboard = client.get("/").then().statusCode(200).extract().asString();
        assertTrue(dashboard.contains("href=\"" + form + "\""), "the dashboard asks for the survey");
        String empty = client.get(form).then().statusCode(200).extract().asString();
        assertTrue(empty.contains("<legend>Etäkuntoutus toimii minulle."), empty);

        Response refused = client.post(form, Map.of("WORKS_FOR_ME", "4", "freeText", marker));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("id=\"err-HELPS_REHAB\"") && refused.asString().contains(marker),
                "errors tied to their group, the text typed kept");

        Map<String, String> answer = new HashMap<>(Map.of("WORKS_FOR_ME", "4", "HELPS_REHAB", "5", "TRUST_COMPETENCE", "5",
                "TRUST_SECURITY", "3", "GUIDANCE_SUPPORT", "4", "technical", "SOME", "problems", "PICTURE"));
        answer.put("freeText", marker);
        assertEquals(303, client.post(form, answer).statusCode());
        assertTrue(client.get(form + "?saved=1").asString().contains("Kiitos! Vastauksesi on tallennettu."));
        assertFalse(client.get("/").asString().contains("href=\"" + form + "\""), "answered: no longer asked");

        String staff = new Browser().signIn(specialist.username(), Api.PASSWORD)
                .get("/clients/" + team.client().id() + "/surveys").then().statusCode(200).extract().asString();
        assertTrue(staff.contains(marker) && staff.contains("Kuva"), staff);
        Browser admin = new Browser().signIn(Api.create("ADMIN").username(), Api.PASSWORD);
        String results = admin.get("/admin/surveys").then().statusCode(200).extract().asString();
        assertFalse(results.contains(marker), "no free text in the results");
        assertFalse(admin.get("/clients/" + team.client().id() + "/surveys").asString().contains(marker),
                "free texts are for the client's own specialists");
    }
}
