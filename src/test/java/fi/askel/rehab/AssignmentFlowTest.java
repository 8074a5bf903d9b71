package fi.askel.rehab;

import fi.askel.common.Dates;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import fi.askel.support.Api;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssignmentFlowTest {

    @Test
    void assign_do_submit_review_needs_work_resubmit_approve() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "sleep-and-recovery");
        team.client().as().get("/api/v1/assignments").then().statusCode(200)
                .body("id", hasItem((int) id))
                .body("find { it.id == " + id + " }.status", equalTo("ASSIGNED"))
                .body("find { it.id == " + id + " }.moduleVersion", equalTo(3))
                .body("find { it.id == " + id + " }.progressPercent", equalTo(0));

        List<String> keys = Rehab.completeAll(team.client(), id, "sleep-and-recovery");
        team.client().as().get("/api/v1/assignments/" + id).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("progressPercent", equalTo(100))
                .body("steps.key", equalTo(keys))
                .body("steps.done", not(hasItem(false)));
        team.client().as().post("/api/v1/assignments/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));

        team.specialist().as().get("/api/v1/reviews?status=PENDING").then().statusCode(200)
                .body("assignmentId", hasItem((int) id));
        team.specialist().as().body(Map.of("decision", "NEEDS_WORK", "comment", "Kirjoita vielä iltarutiinistasi."))
                .post("/api/v1/assignments/" + id + "/review").then().statusCode(200)
                .body("status", equalTo("NEEDS_WORK"));
        team.client().as().get("/api/v1/assignments/" + id).then()
                .body("reviews[0].comment", equalTo("Kirjoita vielä iltarutiinistasi."))
                .body("reviews[0].decision", equalTo("NEEDS_WORK"));
        team.specialist().as().get("/api/v1/reviews").then().body("assignmentId", not(hasItem((int) id)));

        // The client answers again, which puts the work back in progress, and sends it again.
        team.client().as().body(Map.of("answer", Map.of("text", "Luen kirjaa ja sammutan puhelimen klo 21."), "final", true))
                .put("/api/v1/assignments/" + id + "/steps/" + reflectionKey(team, "sleep-and-recovery"))
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        team.client().as().post("/api/v1/assignments/" + id + "/submit").then().statusCode(200);
        team.specialist().as().body(Map.of("decision", "APPROVED", "comment", "Hienoa työtä!"))
                .post("/api/v1/assignments/" + id + "/review").then().statusCode(200).body("status", equalTo("APPROVED"));

        // Approved work is closed: answers cannot change and it cannot be reviewed again.
        team.client().as().body(Map.of("answer", Map.of("text", "muutos"), "final", true))
                .put("/api/v1/assignments/" + id + "/steps/" + reflectionKey(team, "sleep-and-recovery"))
                .then().statusCode(409).body("type", equalTo("https://askel.fi/problems/answers-locked"));
        team.specialist().as().body(Map.of("decision", "APPROVED", "comment", ""))
                .post("/api/v1/assignments/" + id + "/review").then().statusCode(409);
    }

    @Test
    void illegal_transitions_are_409_with_a_clear_message() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "wellbeing-who5");
        team.client().as().header("Accept-Language", "en").post("/api/v1/assignments/" + id + "/submit").then()
                .statusCode(409).body("detail", containsString("Start the exercise before sending it"));
        team.specialist().as().body(Map.of("decision", "APPROVED", "comment", "ok"))
                .post("/api/v1/assignments/" + id + "/review").then().statusCode(409);
        team.client().as().body(Map.of("answer", Map.of("read", true), "final", true))
                .put("/api/v1/assignments/" + id + "/steps/about-who5").then().statusCode(200);
        team.client().as().header("Accept-Language", "en").post("/api/v1/assignments/" + id + "/submit").then()
                .statusCode(409).body("type", equalTo("https://askel.fi/problems/steps-missing"))
                .body("detail", containsString("who-5"));
    }

    @Test
    void review_needs_staff_a_known_decision_and_a_comment_for_needs_work() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "wellbeing-who5");
        Rehab.completeAll(team.client(), id, "wellbeing-who5");
        team.client().as().post("/api/v1/assignments/" + id + "/submit").then().statusCode(200);
        team.client().as().body(Map.of("decision", "APPROVED", "comment", "itse"))
                .post("/api/v1/assignments/" + id + "/review").then().statusCode(403);
        team.specialist().as().body(Map.of("decision", "MAYBE", "comment", "x"))
                .post("/api/v1/assignments/" + id + "/review").then().statusCode(400)
                .body("violations[0].field", equalTo("decision"));
        team.specialist().as().body(Map.of("decision", "NEEDS_WORK", "comment", " "))
                .post("/api/v1/assignments/" + id + "/review").then().statusCode(400)
                .body("violations[0].field", equalTo("comment"));
        team.client().as().get("/api/v1/assignments/" + id).then().body("status", equalTo("SUBMITTED"));
    }

    @Test
    void saving_the_same_answer_twice_is_harmless() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "sleep-and-recovery");
        String key = reflectionKey(team, "sleep-and-recovery");
        Map<String, Object> body = Map.of("answer", Map.of("text", "Ensimmäinen luonnos"), "final", false);
        team.client().as().body(body).put("/api/v1/assignments/" + id + "/steps/" + key).then().statusCode(200)
                .body("revision", equalTo(1)).body("changed", equalTo(true)).body("done", equalTo(false));
        team.client().as().body(body).put("/api/v1/assignments/" + id + "/steps/" + key).then().statusCode(200)
                .body("revision", equalTo(1)).body("changed", equalTo(false));
        team.client().as().body(Map.of("answer", Map.of("text", "Ensimmäinen luonnos, jatkettu"), "final", false))
                .put("/api/v1/assignments/" + id + "/steps/" + key).then().body("revision", equalTo(2));
        team.client().as().get("/api/v1/assignments/" + id).then()
                .body("steps.find { it.key == '" + key + "' }.answer.text", equalTo("Ensimmäinen luonnos, jatkettu"))
                .body("steps.find { it.key == '" + key + "' }.done", equalTo(false))
                .body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void answers_outside_the_step_are_400_naming_the_field_and_change_nothing() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "living-with-pain");
        team.client().as().body(Map.of("answer", Map.of("values", Map.of("pain-now", 11)), "final", false))
                .put("/api/v1/assignments/" + id + "/steps/pain-today").then().statusCode(400)
                .body("violations[0].field", equalTo("answer.values.pain-now"));
        team.client().as().body(Map.of("answer", Map.of("values", Map.of("no-such-item", 1)), "final", false))
                .put("/api/v1/assignments/" + id + "/steps/pain-today").then().statusCode(400)
                .body("violations[0].field", equalTo("answer.values.no-such-item"));
        team.client().as().body(Map.of("answer", Map.of("read", true)))
                .put("/api/v1/assignments/" + id + "/steps/pain-today").then().statusCode(400)
                .body("violations[0].field", equalTo("final"));
        team.client().as().body(Map.of("answer", Map.of(), "final", false))
                .put("/api/v1/assignments/" + id + "/steps/no-such-step").then().statusCode(404);
        team.client().as().get("/api/v1/assignments/" + id).then()
                .body("status", equalTo("ASSIGNED"))
                .body("steps.find { it.key == 'pain-today' }.answer", nullValue());
    }

    @Test
    void exercise_logs_span_several_days_and_refuse_the_future() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "back-and-neck");
        List<Map<String, Object>> logs = List.of(
                Map.of("date", Dates.today().minusDays(2).toString(), "sets", 2, "reps", 10, "effort", 3, "pain", 2),
                Map.of("date", Dates.today().minusDays(1).toString(), "sets", 2, "reps", 8, "effort", 5, "pain", 4,
                        "note", "Niska jumissa"),
                Map.of("date", Dates.today().toString(), "sets", 1, "reps", 10, "effort", 4, "pain", 3));
        team.client().as().body(Map.of("answer", Map.of("logs", logs), "final", true))
                .put("/api/v1/assignments/" + id + "/steps/chin-tuck").then().statusCode(200)
                .body("answer.logs", hasSize(3)).body("answer.logs[1].note", equalTo("Niska jumissa"));
        team.client().as().body(Map.of("answer", Map.of("logs", List.of(Map.of("date", Dates.today().plusDays(1).toString(),
                        "effort", 3, "pain", 1))), "final", false))
                .put("/api/v1/assignments/" + id + "/steps/chin-tuck").then().statusCode(400)
                .body("violations[0].field", equalTo("answer.logs[0].date"));
        team.client().as().body(Map.of("answer", Map.of("logs", List.of(Map.of("date", Dates.today().toString(),
                        "effort", 12, "pain", 1))), "final", false))
                .put("/api/v1/assignments/" + id + "/steps/chin-tuck").then().statusCode(400)
                .body("violations[0].field", equalTo("answer.logs[0].effort"));
    }

    @Test
    void assigning_needs_a_known_module_and_a_period() {
        Rehab.Team team = Rehab.team();
        team.specialist().as().body(Map.of("clientId", team.client().id(), "moduleSlug", "no-such-module"))
                .post("/api/v1/assignments").then().statusCode(400).body("violations[0].field", equalTo("moduleSlug"));
        team.specialist().as().body(Map.of("clientId", team.client().id(), "moduleSlug", "eating-well",
                        "dueDate", Dates.today().minusDays(1).toString()))
                .post("/api/v1/assignments").then().statusCode(400).body("violations[0].field", equalTo("dueDate"));
        team.specialist().as().body(Map.of("clientId", team.client().id(), "moduleSlug", "eating-well",
                        "dueDate", "not-a-date"))
                .post("/api/v1/assignments").then().statusCode(400).body("violations[0].field", equalTo("dueDate"));
        team.client().as().body(Map.of("clientId", team.client().id(), "moduleSlug", "eating-well"))
                .post("/api/v1/assignments").then().statusCode(403);
        Api.Account loneClient = Api.create("CLIENT");
        Api.admin().as().body(Map.of("clientId", loneClient.id(), "moduleSlug", "eating-well"))
                .post("/api/v1/assignments").then().statusCode(409).body("type", equalTo("https://askel.fi/problems/no-period"));
        team.client().as().get("/api/v1/assignments").then().body("moduleSlug", not(hasItem("eating-well")));
    }

    @Test
    void review_queue_is_oldest_first_and_paginated() {
        Rehab.Team team = Rehab.team();
        long first = Rehab.assign(team, "wellbeing-who5");
        long second = Rehab.assign(team, "wellbeing-who5");
        for (long id : new long[] {first, second}) {
            Rehab.completeAll(team.client(), id, "wellbeing-who5");
            team.client().as().post("/api/v1/assignments/" + id + "/submit").then().statusCode(200);
        }
        team.specialist().as().get("/api/v1/reviews?status=PENDING&size=1&page=0").then().statusCode(200)
                .body("assignmentId", equalTo(List.of((int) first)));
        team.specialist().as().get("/api/v1/reviews?status=PENDING&size=1&page=1").then()
                .body("assignmentId", equalTo(List.of((int) second)))
                .body("[0].clientName", equalTo("Test " + team.client().username()));
        team.specialist().as().get("/api/v1/reviews?status=DONE").then().statusCode(400);
    }

    private static String reflectionKey(Rehab.Team team, String slug) {
        return team.client().as().get("/api/v1/modules/" + slug).then().extract().jsonPath()
                .getString("steps.find { it.type == 'reflection' }.key");
    }
}
