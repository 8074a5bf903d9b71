package fi.askel.rehab;

import fi.askel.common.Dates;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import fi.askel.support.Api;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One client never sees another's work, and a specialist sees only the clients they are responsible for. */
@QuarkusTest
class RehabAccessTest {

    @Test
    void another_client_gets_404_for_everything_of_mine() {
        Rehab.Team mine = Rehab.team();
        long id = Rehab.assign(mine, "sleep-and-recovery");
        long goal = mine.specialist().as().body(goal()).post("/api/v1/clients/" + mine.client().id() + "/goals")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Api.Account other = Rehab.team().client();
        other.as().get("/api/v1/assignments/" + id).then().statusCode(404);
        other.as().body(Map.of("answer", Map.of("read", true), "final", true))
                .put("/api/v1/assignments/" + id + "/steps/how-sleep-works").then().statusCode(404);
        other.as().post("/api/v1/assignments/" + id + "/submit").then().statusCode(404);
        other.as().get("/api/v1/assignments?clientId=" + mine.client().id()).then().statusCode(404);
        other.as().get("/api/v1/assignments").then().statusCode(200).body("id", not(hasItem((int) id)));
        other.as().get("/api/v1/clients/" + mine.client().id() + "/gas").then().statusCode(404);
        other.as().get("/api/v1/clients/" + mine.client().id() + "/goals").then().statusCode(404);
        other.as().body(Map.of("score", 2, "phase", "FINAL")).post("/api/v1/goals/" + goal + "/ratings").then().statusCode(404);
        other.as().get("/api/v1/periods/" + mine.periodId()).then().statusCode(404);
        other.as().get("/api/v1/periods?clientId=" + mine.client().id()).then().statusCode(404);
        mine.client().as().get("/api/v1/assignments/" + id).then().statusCode(200);
    }

    @Test
    void a_specialist_cannot_take_on_someone_elses_client_by_opening_a_period() {
        Rehab.Team mine = Rehab.team();
        Api.Account stranger = Api.create("SPECIALIST");
        stranger.as().body(period(mine.client().id())).post("/api/v1/periods").then().statusCode(404);
        // Staff name the client whose periods they want.
        stranger.as().get("/api/v1/periods").then().statusCode(400).body("violations[0].field", equalTo("clientId"));
        stranger.as().get("/api/v1/clients/" + mine.client().id() + "/overview").then().statusCode(404);
        mine.specialist().as().get("/api/v1/periods?clientId=" + mine.client().id()).then().statusCode(200)
                .body("size()", equalTo(1));
        // The client's own specialist can bring a colleague in; a brand-new client can be taken on directly.
        mine.specialist().as().body(Map.of("userId", stranger.id())).post("/api/v1/periods/" + mine.periodId() + "/specialists")
                .then().statusCode(200);
        stranger.as().get("/api/v1/clients/" + mine.client().id() + "/overview").then().statusCode(200);
        Api.Account newClient = Api.create("CLIENT");
        stranger.as().body(period(newClient.id())).post("/api/v1/periods").then().statusCode(201);
        stranger.as().body(period(newClient.id())).post("/api/v1/periods").then().statusCode(201);
    }

    private static Map<String, Object> period(long clientId) {
        return Map.of("clientId", clientId, "serviceType", "REHAB_COURSE",
                "startsOn", Dates.today().toString(), "endsOn", Dates.today().plusDays(30).toString());
    }

    @Test
    void a_specialist_of_other_clients_gets_404_and_cannot_assign() {
        Rehab.Team mine = Rehab.team();
        long id = Rehab.assign(mine, "sleep-and-recovery");
        Api.Account stranger = Rehab.team().specialist();
        stranger.as().get("/api/v1/assignments/" + id).then().statusCode(404);
        stranger.as().get("/api/v1/assignments?clientId=" + mine.client().id()).then().statusCode(404);
        stranger.as().get("/api/v1/assignments").then().body("id", not(hasItem((int) id)));
        stranger.as().body(Map.of("clientId", mine.client().id(), "moduleSlug", "eating-well"))
                .post("/api/v1/assignments").then().statusCode(404);
        stranger.as().body(goal()).post("/api/v1/clients/" + mine.client().id() + "/goals").then().statusCode(404);
        stranger.as().get("/api/v1/reviews").then().statusCode(200).body("clientId", not(hasItem((int) mine.client().id())));
        stranger.as().body(Map.of("decision", "APPROVED", "comment", "x"))
                .post("/api/v1/assignments/" + id + "/review").then().statusCode(404);
    }

    @Test
    void staff_cannot_answer_for_the_client_and_admin_sees_all() {
        Rehab.Team mine = Rehab.team();
        long id = Rehab.assign(mine, "wellbeing-who5");
        mine.specialist().as().body(Map.of("answer", Map.of("read", true), "final", true))
                .put("/api/v1/assignments/" + id + "/steps/about-who5").then().statusCode(403);
        Api.admin().as().get("/api/v1/assignments/" + id).then().statusCode(200).body("clientId", equalTo((int) mine.client().id()));
        given().get("/api/v1/assignments/" + id).then().statusCode(401);
    }

    @Test
    void gas_goals_give_t_scores_by_phase() {
        Rehab.Team team = Rehab.team();
        String base = "/api/v1/clients/" + team.client().id();
        long a = team.specialist().as().body(Map.of("title", "Kävelen kauppaan", "weight", 2, "levels", levels()))
                .post(base + "/goals").then().statusCode(201).extract().jsonPath().getLong("id");
        long b = team.specialist().as().body(Map.of("title", "Nukun paremmin", "weight", 1, "levels", levels()))
                .post(base + "/goals").then().statusCode(201).extract().jsonPath().getLong("id");
        team.specialist().as().get(base + "/gas").then().body("tScore", equalTo(null));
        for (long goal : new long[] {a, b}) {
            team.specialist().as().body(Map.of("score", -1, "phase", "BASELINE")).post("/api/v1/goals/" + goal + "/ratings")
                    .then().statusCode(200);
        }
        team.specialist().as().body(Map.of("score", 2, "phase", "FINAL")).post("/api/v1/goals/" + a + "/ratings").then().statusCode(200);
        team.specialist().as().body(Map.of("score", -1, "phase", "FINAL")).post("/api/v1/goals/" + b + "/ratings").then().statusCode(200);
        // The client's own rating is kept beside the specialist's and leaves the T-score alone.
        team.client().as().body(Map.of("score", -2, "phase", "FINAL")).post("/api/v1/goals/" + a + "/ratings").then().statusCode(200);
        // BASELINE: Σwx = −3, Σw² = 5, (Σw)² = 9 → 50 − 30/2.48998 = 37.95; FINAL: Σwx = 3 → 62.05
        team.client().as().get(base + "/gas").then().statusCode(200)
                .body("byPhase.BASELINE", equalTo(38.0f))
                .body("byPhase.MIDPOINT", equalTo(null))
                .body("byPhase.FINAL", equalTo(62.0f))
                .body("tScore", equalTo(62.0f))
                .body("latestPhase", equalTo("FINAL"))
                .body("goals.find { it.id == " + a + " }.ratings.FINAL", equalTo(2))
                .body("goals.find { it.id == " + a + " }.selfRatings.FINAL", equalTo(-2));
        team.specialist().as().body(Map.of("score", 3, "phase", "FINAL")).post("/api/v1/goals/" + a + "/ratings")
                .then().statusCode(400).body("violations[0].field", equalTo("score"));
        team.specialist().as().body(Map.of("score", 1, "phase", "LATER")).post("/api/v1/goals/" + a + "/ratings")
                .then().statusCode(400).body("violations[0].field", equalTo("phase"));
        team.specialist().as().body(Map.of("title", "x", "weight", 5, "levels", Map.of("0", "vain yksi")))
                .post(base + "/goals").then().statusCode(400).body("violations.field", hasItem("weight"))
                .body("violations.field", hasItem("levels.-2"));
    }

    private static Map<String, Object> goal() {
        return Map.of("title", "Jaksan arjessa", "weight", 1, "levels", levels());
    }

    private static Map<String, String> levels() {
        return Map.of("-2", "en lainkaan", "-1", "harvoin", "0", "kahdesti viikossa", "1", "kolmesti", "2", "joka päivä");
    }
}
