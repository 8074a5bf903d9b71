package fi.askel.rehab.adaptation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A specialist adapts one client's assignment (issue 13): skipped steps, an exercise's dose, personal notes. The
 * client's pages, the API, the submission rules, the review page and the summary follow; nobody else gets near it.
 */
@QuarkusTest
class AdaptationTest {

    static final String MODULE = "back-and-neck";
    /** A required scale step of the module, and its title as the client's pages show it. */
    static final String SKIPPED = "before-you-start";
    static final String SKIPPED_TITLE = "Tilanteesi ennen harjoittelua";

    /** Skips the scale step; chin tuck: 3 sets of 8 and a note; a note for the whole exercise. */
    static Map<String, Object> adaptation() {
        return Map.of("note", "Tee rauhassa <i>aamulla</i>", "steps", Map.of(
                SKIPPED, Map.of("skipped", true),
                "chin-tuck", Map.of("dose", Map.of("sets", 3, "reps", 8), "note", "Pidä leuka tasossa <b>")));
    }

    static String path(long id) {
        return "/api/v1/assignments/" + id + "/adaptation";
    }

    @Test
    void the_client_sees_the_adapted_dose_and_notes_and_not_the_skipped_step() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, MODULE);
        team.specialist().as().body(adaptation()).put(path(id)).then().statusCode(200)
                .body("steps.'chin-tuck'.dose.sets", equalTo(3))
                .body("steps.'" + SKIPPED + "'.skipped", equalTo(true))
                .body("changedBy", equalTo("Test " + team.specialist().username()));

        team.client().as().get("/api/v1/assignments/" + id).then().statusCode(200)
                .body("stepCount", equalTo(6))
                .body("adapted", equalTo(true))
                .body("steps.key", not(hasItem(SKIPPED)))
                .body("adaptation.steps.'chin-tuck'.dose.reps", equalTo(8))
                .body("adaptation.note", equalTo("Tee rauhassa <i>aamulla</i>"));

        Browser client = new Browser().signIn(team.client().username(), Api.PASSWORD);
        client.get("/").then().statusCode(200).body(containsString("0/6 vaihetta tehty"));
        client.get("/assignments/" + id).then().statusCode(200)
                .body(not(containsString(SKIPPED_TITLE)))
                .body(containsString("Tee rauhassa &lt;i&gt;aamulla&lt;/i&gt;"))
                .body(containsString("Asiantuntijasi on mukauttanut tämän harjoituksen sinulle."));
        client.get("/assignments/" + id + "/steps/chin-tuck").then().statusCode(200)
                .body(containsString("Vaihe 2/6"))
                .body(containsString("3 sarjaa, 8 toistoa, 5 päivänä viikossa"))
                .body(containsString("asiantuntijasi asettama sinulle"))
                .body(containsString("Pidä leuka tasossa &lt;b&gt;"));
        // The safety step leads straight to the chin tuck: the skipped step is not on the way.
        client.get("/assignments/" + id + "/steps/safety-first").then().statusCode(200)
                .body(containsString("href=\"/assignments/" + id + "/steps/chin-tuck\""));
        client.get("/assignments/" + id + "/steps/" + SKIPPED).then().statusCode(404);
        // Another exercise step keeps the module's dose, unmarked.
        client.get("/assignments/" + id + "/steps/back-mobility").then().statusCode(200)
                .body(not(containsString("asiantuntijasi asettama sinulle")));
    }

    @Test
    void a_skipped_required_step_is_not_needed_to_submit_and_cannot_be_answered_and_an_earlier_answer_stays_for_staff() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, MODULE);
        List<Map<String, Object>> steps = team.client().as().get("/api/v1/modules/" + MODULE).then().statusCode(200)
                .extract().jsonPath().getList("steps");
        // The client answered the step before the specialist took it out.
        Map<String, Object> skipped = steps.stream().filter(s -> s.get("key").equals(SKIPPED)).findFirst().orElseThrow();
        team.client().as().body(Map.of("answer", Rehab.validAnswer(skipped), "final", false))
                .put("/api/v1/assignments/" + id + "/steps/" + SKIPPED).then().statusCode(200);
        for (Map<String, Object> step : steps) {
            if (!step.get("key").equals(SKIPPED)) {
                team.client().as().body(Map.of("answer", Rehab.validAnswer(step), "final", true))
                        .put("/api/v1/assignments/" + id + "/steps/" + step.get("key")).then().statusCode(200);
            }
        }
        // Without the adaptation the required step is missing.
        team.client().as().post("/api/v1/assignments/" + id + "/submit").then().statusCode(409);

        team.specialist().as().body(adaptation()).put(path(id)).then().statusCode(200);
        team.client().as().body(Map.of("answer", Rehab.validAnswer(skipped), "final", true))
                .put("/api/v1/assignments/" + id + "/steps/" + SKIPPED).then().statusCode(409)
                .body("detail", containsString("poistanut tämän vaiheen"));
        team.client().as().get("/api/v1/assignments/" + id).then().body("stepsDone", equalTo(6)).body("progressPercent", equalTo(100));
        team.client().as().post("/api/v1/assignments/" + id + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));

        // Staff still see the step, marked, with the answer given before it was skipped (a draft, kept as it was).
        team.specialist().as().get("/api/v1/assignments/" + id).then().statusCode(200)
                .body("steps.find { it.key == '" + SKIPPED + "' }.skipped", equalTo(true))
                .body("steps.find { it.key == '" + SKIPPED + "' }.done", equalTo(false))
                .body("steps.find { it.key == 'chin-tuck' }.skipped", nullValue());
        Browser specialist = new Browser().signIn(team.specialist().username(), Api.PASSWORD);
        specialist.get("/reviews/" + id).then().statusCode(200)
                .body(containsString("Ohitettu tältä asiakkaalta"))
                .body(containsString("Määrä tälle asiakkaalle: 3 sarjaa, 8 toistoa, 5 päivänä viikossa (harjoituskokonaisuudessa: 2 sarjaa, 10 toistoa, 5 päivänä viikossa)"))
                .body(containsString("Pidä leuka tasossa &lt;b&gt;"))
                .body(containsString("href=\"/assignments/" + id + "/adaptation\""));
    }

    @Test
    void the_client_other_clients_and_other_specialists_get_404_and_change_nothing() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, MODULE);
        team.specialist().as().body(adaptation()).put(path(id)).then().statusCode(200);
        Rehab.Team other = Rehab.team();
        for (Api.Account stranger : List.of(team.client(), other.client(), other.specialist())) {
            stranger.as().get(path(id)).then().statusCode(404);
            stranger.as().body(Map.of("steps", Map.of())).put(path(id)).then().statusCode(404);
        }
        new Browser().signIn(other.specialist().username(), Api.PASSWORD).get("/assignments/" + id + "/adaptation")
                .then().statusCode(404);
        team.specialist().as().get(path(id)).then().statusCode(200)
                .body("steps.'chin-tuck'.dose.sets", equalTo(3))
                .body("steps.'" + SKIPPED + "'.skipped", equalTo(true));
        Api.admin().as().get(path(id)).then().statusCode(200).body("note", equalTo("Tee rauhassa <i>aamulla</i>"));
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_changes_nothing() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, MODULE);
        team.specialist().as().body(adaptation()).put(path(id)).then().statusCode(200);
        Map<String, Map<String, Object>> bad = new HashMap<>();
        bad.put("steps.chin-tuck.dose.sets", Map.of("steps", Map.of("chin-tuck", Map.of("dose", Map.of("sets", 0, "reps", 10)))));
        bad.put("steps.chin-tuck.dose.reps", Map.of("steps", Map.of("chin-tuck", Map.of("dose", Map.of("reps", 501)))));
        bad.put("steps.chin-tuck.dose.daysPerWeek", Map.of("steps", Map.of("chin-tuck", Map.of("dose", Map.of("daysPerWeek", 8)))));
        bad.put("steps.how-did-it-go.dose", Map.of("steps", Map.of("how-did-it-go", Map.of("dose", Map.of("sets", 2)))));
        bad.put("steps.no-such-step", Map.of("steps", Map.of("no-such-step", Map.of("skipped", true))));
        bad.put("steps.chin-tuck.note", Map.of("steps", Map.of("chin-tuck", Map.of("note", "x".repeat(1001)))));
        bad.put("note", Map.of("note", "x".repeat(2001)));
        Map<String, Object> all = new HashMap<>();
        for (String key : List.of("safety-first", SKIPPED, "chin-tuck", "shoulder-blade-squeeze", "back-mobility",
                "pelvic-tilt-and-bridge", "how-did-it-go")) {
            all.put(key, Map.of("skipped", true));
        }
        bad.put("steps", Map.of("steps", all));
        bad.forEach((field, body) -> team.specialist().as().body(body).put(path(id)).then().statusCode(400)
                .body("violations.field", hasItem(field)));
        team.specialist().as().get(path(id)).then().statusCode(200)
                .body("steps.'chin-tuck'.dose.sets", equalTo(3))
                .body("steps.'chin-tuck'.dose.reps", equalTo(8))
                .body("note", equalTo("Tee rauhassa <i>aamulla</i>"));
    }

    @Test
    void the_form_saves_shows_errors_at_their_fields_and_the_summary_shows_the_adapted_version() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, MODULE);
        Browser specialist = new Browser().signIn(team.specialist().username(), Api.PASSWORD);
        specialist.get("/clients/" + team.client().id()).then().statusCode(200)
                .body(containsString("href=\"/assignments/" + id + "/adaptation\""));
        specialist.get("/assignments/" + id + "/adaptation").then().statusCode(200)
                .body(containsString("name=\"csrf-token\""))
                .body(containsString("<label for=\"f-steps.chin-tuck.dose.sets\">Sarjat</label>"))
                .body(containsString("Harjoituskokonaisuudessa: 2 sarjaa, 10 toistoa, 5 päivänä viikossa."));
        specialist.post("/assignments/" + id + "/adaptation", Map.of("steps.chin-tuck.dose.sets", "kolme",
                        "steps.chin-tuck.note", "Rauhallisesti", "steps." + SKIPPED + ".skipped", "true"))
                .then().statusCode(400)
                .body(containsString("id=\"f-steps.chin-tuck.dose.sets-error\">Kirjoita kokonaisluku tai jätä kenttä tyhjäksi.</p>"))
                .body(containsString("value=\"kolme\" aria-describedby=\"f-chin-tuck-dose-hint f-steps.chin-tuck.dose.sets-error\" aria-invalid=\"true\""))
                .body(containsString(">Rauhallisesti</textarea>"));
        team.specialist().as().get(path(id)).then().statusCode(200).body("steps.size()", equalTo(0));
        Map<String, String> everyStep = new HashMap<>();
        for (String key : List.of("safety-first", SKIPPED, "chin-tuck", "shoulder-blade-squeeze", "back-mobility",
                "pelvic-tilt-and-bridge", "how-did-it-go")) {
            everyStep.put("steps." + key + ".skipped", "true");
        }
        specialist.post("/assignments/" + id + "/adaptation", everyStep).then().statusCode(400)
                .body(containsString("id=\"f-steps-error\">Harjoitukseen on jäätävä ainakin yksi vaihe.</p>"))
                .body(containsString("name=\"steps.chin-tuck.skipped\" value=\"true\" checked aria-invalid=\"true\""));
        team.specialist().as().get(path(id)).then().statusCode(200).body("steps.size()", equalTo(0));

        specialist.post("/assignments/" + id + "/adaptation", Map.of("steps.chin-tuck.dose.sets", "3",
                        "steps.chin-tuck.dose.reps", "8", "steps.chin-tuck.note", "Rauhallisesti", "steps." + SKIPPED + ".skipped", "true",
                        "note", "Tee aamulla"))
                .then().statusCode(303);
        specialist.get("/assignments/" + id + "/adaptation?saved=1").then().statusCode(200)
                .body(containsString("Mukautus on tallennettu."))
                .body(containsString("value=\"3\""))
                .body(containsString("name=\"steps." + SKIPPED + ".skipped\" value=\"true\" checked"));
        team.specialist().as().get(path(id)).then().statusCode(200)
                .body("steps.'chin-tuck'.dose.reps", equalTo(8))
                .body("steps.'chin-tuck'.note", equalTo("Rauhallisesti"));

        specialist.get("/clients/" + team.client().id() + "/summary").then().statusCode(200)
                .body(containsString("Ohitettu tältä asiakkaalta: " + SKIPPED_TITLE))
                .body(containsString("3 sarjaa, 8 toistoa, 5 päivänä viikossa (asetettu tälle asiakkaalle)"))
                .body(containsString("Rauhallisesti"));
        assertEquals(200, specialist.get("/clients/" + team.client().id() + "/summary.pdf").statusCode());

        // Emptied again: the module as it is.
        specialist.post("/assignments/" + id + "/adaptation", Map.of()).then().statusCode(303);
        team.client().as().get("/api/v1/assignments/" + id).then().body("stepCount", equalTo(7)).body("adapted", equalTo(false))
                .body("adaptation", nullValue());
    }
}
