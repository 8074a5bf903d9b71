package fi.askel.followup;

import fi.askel.common.Dates;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.askel.rehab.Assignment;
import fi.askel.support.Api;
import fi.askel.support.Rehab;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientOverviewApiTest {

    @Test
    void overview_counts_statuses_and_shows_pain_effort_and_questionnaires() {
        Rehab.Team team = Rehab.team();
        long who5 = Rehab.assign(team, "wellbeing-who5");
        Rehab.completeAll(team.client(), who5, "wellbeing-who5");
        team.client().as().post("/api/v1/assignments/" + who5 + "/submit").then().statusCode(200);
        long back = Rehab.assign(team, "back-and-neck");
        logExercise(team, back, "chin-tuck", List.of(log(1, 3, 4), log(0, 2, 5)));
        logExercise(team, back, "shoulder-blade-squeeze", List.of(log(0, 4, 3)));
        Rehab.assign(team, "eating-well");

        JsonPath list = team.specialist().as().get("/api/v1/clients").then().statusCode(200).extract().jsonPath();
        assertEquals(1, list.getList("").size());
        String me = "find { it.id == " + team.client().id() + " }";
        assertEquals(1, list.getInt(me + ".counts.SUBMITTED"));
        assertEquals(1, list.getInt(me + ".counts.IN_PROGRESS"));
        assertEquals(1, list.getInt(me + ".counts.ASSIGNED"));
        assertEquals(0, list.getInt(me + ".counts.APPROVED"));
        assertEquals(0, list.getInt(me + ".daysSinceLastActivity"));
        assertEquals(List.of(), list.getList(me + ".flags"));
        assertEquals("REHAB_COURSE", list.getString(me + ".currentPeriod.serviceType"));
        assertEquals("Test " + team.client().username(), list.getString(me + ".name"));

        team.specialist().as().get("/api/v1/clients/" + team.client().id() + "/overview").then().statusCode(200)
                .body("name", equalTo("Test " + team.client().username()))
                .body("currentPeriod.id", equalTo((int) team.periodId()))
                .body("assignments", hasSize(3))
                .body("assignments.find { it.id == " + back + " }.status", equalTo("IN_PROGRESS"))
                .body("assignments.find { it.id == " + back + " }.stepsDone", equalTo(2))
                .body("painEffort", hasSize(2))
                .body("painEffort[0].date", equalTo(Dates.today().minusDays(1).toString()))
                .body("painEffort[0].pain", equalTo(3))
                .body("painEffort[1].pain", equalTo(4))
                .body("painEffort[1].effort", equalTo(5))
                .body("painEffort[1].sessions", equalTo(2))
                .body("questionnaires[0].instrument", equalTo("WHO-5"))
                .body("questionnaires[0].first.score", equalTo(100))
                .body("questionnaires[0].worsening", equalTo(false))
                .body("daysSinceLastActivity", equalTo(0))
                .body("flags", empty())
                .body("gas.tScore", nullValue());
    }

    @Test
    void pain_of_seven_or_more_in_the_last_two_weeks_is_flagged() {
        Rehab.Team team = Rehab.team();
        long back = Rehab.assign(team, "back-and-neck");
        logExercise(team, back, "chin-tuck", List.of(log(20, 9, 5), log(0, 2, 3)));
        overview(team).body("flags", not(hasItem("HIGH_PAIN")));
        logExercise(team, back, "shoulder-blade-squeeze", List.of(log(3, 8, 6)));
        overview(team).body("flags", equalTo(List.of("HIGH_PAIN")));
        team.specialist().as().get("/api/v1/clients").then()
                .body("find { it.id == " + team.client().id() + " }.flags", equalTo(List.of("HIGH_PAIN")));
    }

    @Test
    void a_week_without_activity_in_a_current_period_is_flagged() {
        Rehab.Team team = Rehab.team();
        // The period began ten days ago and the client has done nothing since.
        overview(team).body("flags", equalTo(List.of("NO_ACTIVITY_7_DAYS"))).body("daysSinceLastActivity", nullValue());
        long back = Rehab.assign(team, "back-and-neck");
        logExercise(team, back, "chin-tuck", List.of(log(0, 1, 3)));
        overview(team).body("flags", empty());
        QuarkusTransaction.requiringNew().run(() -> {
            Assignment a = Assignment.findById(back);
            a.lastActivityAt = Instant.now().minus(9, ChronoUnit.DAYS);
        });
        overview(team).body("flags", equalTo(List.of("NO_ACTIVITY_7_DAYS"))).body("daysSinceLastActivity", equalTo(9));
        team.specialist().as().get("/api/v1/clients").then()
                .body("find { it.id == " + team.client().id() + " }.daysSinceLastActivity", equalTo(9));

        // A period that starts today is not yet a reason to worry.
        Api.Account newcomer = Api.create("CLIENT");
        team.specialist().as().body(Map.of("clientId", newcomer.id(), "serviceType", "INDIVIDUAL",
                "startsOn", Dates.today().toString(), "endsOn", Dates.today().plusDays(30).toString()))
                .post("/api/v1/periods").then().statusCode(201);
        team.specialist().as().get("/api/v1/clients/" + newcomer.id() + "/overview").then().statusCode(200)
                .body("flags", empty());
    }

    @Test
    void a_worse_questionnaire_result_than_at_the_start_is_flagged() {
        Rehab.Team team = Rehab.team();
        long start = Rehab.assign(team, "wellbeing-who5");
        answerWho5(team, start, 4);
        overview(team).body("flags", not(hasItem("QUESTIONNAIRE_WORSENING")));
        long end = Rehab.assign(team, "wellbeing-who5");
        answerWho5(team, end, 1);
        overview(team)
                .body("flags", hasItem("QUESTIONNAIRE_WORSENING"))
                .body("questionnaires", hasSize(1))
                .body("questionnaires[0].first.score", equalTo(80))
                .body("questionnaires[0].latest.score", equalTo(20))
                .body("questionnaires[0].change", equalTo(-60))
                .body("questionnaires[0].higherIsBetter", equalTo(true))
                .body("questionnaires[0].results", hasSize(2))
                .body("questionnaires[0].worsening", equalTo(true));
    }

    @Test
    void the_most_urgent_client_comes_first() {
        Rehab.Team team = Rehab.team();
        Api.Account second = Api.create("CLIENT");
        long periodId = team.specialist().as().body(Map.of("clientId", second.id(), "serviceType", "TULES_COURSE",
                "startsOn", Dates.today().minusDays(20).toString(), "endsOn", Dates.today().plusDays(30).toString()))
                .post("/api/v1/periods").then().statusCode(201).extract().jsonPath().getLong("id");
        Rehab.assessSuitable(team.specialist(), periodId);
        long id = team.specialist().as().body(Map.of("clientId", second.id(), "moduleSlug", "back-and-neck"))
                .post("/api/v1/assignments").then().statusCode(201).extract().jsonPath().getLong("id");
        second.as().body(Map.of("answer", Map.of("logs", List.of(log(0, 8, 7))), "final", true))
                .put("/api/v1/assignments/" + id + "/steps/chin-tuck").then().statusCode(200);
        team.specialist().as().get("/api/v1/clients").then().statusCode(200)
                .body("id", equalTo(List.of((int) second.id(), (int) team.client().id())))
                .body("[0].flags", equalTo(List.of("HIGH_PAIN")))
                .body("[1].flags", equalTo(List.of("NO_ACTIVITY_7_DAYS")));
    }

    @Test
    void only_the_responsible_staff_see_a_client() {
        Rehab.Team team = Rehab.team();
        Api.Account stranger = Rehab.team().specialist();
        stranger.as().get("/api/v1/clients/" + team.client().id() + "/overview").then().statusCode(404);
        stranger.as().get("/api/v1/clients").then().statusCode(200).body("id", not(hasItem((int) team.client().id())));
        team.client().as().get("/api/v1/clients/" + team.client().id() + "/overview").then().statusCode(404);
        team.client().as().get("/api/v1/clients").then().statusCode(403);
        team.specialist().as().get("/api/v1/clients/" + team.specialist().id() + "/overview").then().statusCode(404);
        team.specialist().as().get("/api/v1/clients/999999999/overview").then().statusCode(404)
                .body("status", equalTo(404));
        Api.admin().as().get("/api/v1/clients/" + team.client().id() + "/overview").then().statusCode(200);
        Api.admin().as().get("/api/v1/clients").then().statusCode(200).body("id", hasItem((int) team.client().id()));
        // The goal endpoints under the same /api/v1/clients/{id} prefix still answer.
        team.specialist().as().get("/api/v1/clients/" + team.client().id() + "/gas").then().statusCode(200);
    }

    static Map<String, Object> log(int daysAgo, int pain, int effort) {
        return Map.of("date", Dates.today().minusDays(daysAgo).toString(), "sets", 2, "reps", 10, "effort", effort, "pain", pain);
    }

    static void logExercise(Rehab.Team team, long assignmentId, String step, List<Map<String, Object>> logs) {
        team.client().as().body(Map.of("answer", Map.of("logs", logs), "final", true))
                .put("/api/v1/assignments/" + assignmentId + "/steps/" + step).then().statusCode(200);
    }

    /** Answers the WHO-5 questionnaire with the same value for every item (score = 5 × 4 × value). */
    static void answerWho5(Rehab.Team team, long assignmentId, int value) {
        Map<String, Object> values = Map.of("cheerful", value, "calm", value, "active", value, "rested", value,
                "interesting-life", value);
        team.client().as().body(Map.of("answer", Map.of("values", values), "final", true))
                .put("/api/v1/assignments/" + assignmentId + "/steps/who-5").then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse overview(Rehab.Team team) {
        return team.specialist().as().get("/api/v1/clients/" + team.client().id() + "/overview").then().statusCode(200);
    }
}
