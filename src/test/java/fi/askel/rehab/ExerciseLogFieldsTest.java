package fi.askel.rehab;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import fi.askel.common.Dates;
import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An exercise's log asks what its step's {@code log:} names: a relaxation exercise the day and minutes (and a note),
 * a physical exercise also sets, repetitions, effort and pain, which it still requires.
 */
@QuarkusTest
class ExerciseLogFieldsTest {

    @Test
    void a_relaxation_exercise_is_logged_without_effort_or_pain_and_its_form_does_not_ask_them() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "stress-and-relaxation");
        Browser browser = new Browser().signIn(team.client().username(), Api.PASSWORD);
        String step = "/assignments/" + id + "/steps/calm-breathing";
        browser.get(step).then().statusCode(200)
                .body(containsString("name=\"log.minutes\""))
                .body(containsString("name=\"log.note\""))
                .body(not(containsString("name=\"log.effort\"")))
                .body(not(containsString("name=\"log.pain\"")))
                .body(not(containsString("name=\"log.sets\"")))
                .body(not(containsString("Rasittavuus (0–10)")));
        browser.post(step, Map.of("action", "add-log", "log.date", Dates.today().minusDays(1).toString(), "log.minutes", "5",
                "log.note", "Olo rauhoittui")).then().statusCode(303);
        browser.get(step).then().statusCode(200)
                .body(containsString("<th scope=\"col\">Minuutit</th><th scope=\"col\">Huomio</th>"))
                .body(containsString("<td>5</td><td>Olo rauhoittui</td>"));
        team.client().as().get("/api/v1/assignments/" + id).then().statusCode(200)
                .body("steps.find { it.key == 'calm-breathing' }.answer.logs", hasSize(1))
                .body("steps.find { it.key == 'calm-breathing' }.answer.logs[0].minutes", equalTo(5))
                .body("steps.find { it.key == 'calm-breathing' }.answer.logs[0].effort", nullValue());
        // a finished answer through the API needs no effort or pain either; the module says what an entry holds
        team.client().as().body(Map.of("answer", Map.of("logs", List.of(Map.of("date", Dates.today().toString(), "minutes", 10))),
                "final", true)).put("/api/v1/assignments/" + id + "/steps/body-relaxation").then().statusCode(200)
                .body("answer.logs[0].minutes", equalTo(10));
        team.client().as().get("/api/v1/modules/stress-and-relaxation?lang=en").then().statusCode(200)
                .body("steps.find { it.key == 'calm-breathing' }.items.key", equalTo(List.of("date", "minutes", "note")));
        // the specialist's pain chart does not draw a relaxation session as pain 0
        team.specialist().as().get("/api/v1/clients/" + team.client().id() + "/overview").then().statusCode(200)
                .body("painEffort", hasSize(0));
    }

    @Test
    void a_physical_exercise_still_asks_and_requires_effort_and_pain() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "back-and-neck");
        Browser browser = new Browser().signIn(team.client().username(), Api.PASSWORD);
        browser.get("/assignments/" + id + "/steps/chin-tuck").then().statusCode(200)
                .body(containsString("name=\"log.sets\""))
                .body(containsString("name=\"log.effort\""))
                .body(containsString("name=\"log.pain\""));
        browser.post("/assignments/" + id + "/steps/chin-tuck", Map.of("action", "add-log", "log.minutes", "5"))
                .then().statusCode(400).body(containsString("rasittavuus ja kipu tarvitaan"));
        team.client().as().body(Map.of("answer", Map.of("logs", List.of(Map.of("date", Dates.today().toString(), "sets", 2,
                "reps", 10, "pain", 1))), "final", true))
                .put("/api/v1/assignments/" + id + "/steps/chin-tuck").then().statusCode(400)
                .body("violations[0].field", equalTo("answer.logs[0].effort"));
        team.client().as().get("/api/v1/modules/back-and-neck?lang=en").then().statusCode(200)
                .body("steps.find { it.key == 'chin-tuck' }.items.key",
                        equalTo(List.of("date", "sets", "reps", "minutes", "effort", "pain", "note")))
                .body("steps.find { it.key == 'chin-tuck' }.items.find { it.key == 'effort' }.required", equalTo(true));
    }
}
