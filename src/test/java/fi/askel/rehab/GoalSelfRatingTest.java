package fi.askel.rehab;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client rates their own goals at the midpoint and the end; the specialist's rating stays theirs and both show. */
@QuarkusTest
class GoalSelfRatingTest {

    private static long goal(Rehab.Team team) {
        return team.specialist().as().body(Map.of("title", "Kävelen kauppaan", "weight", 2, "levels", Map.of("-2", "En lainkaan",
                        "-1", "Kerran kuussa", "0", "Kerran viikossa", "1", "Kahdesti viikossa", "2", "Joka päivä")))
                .post("/api/v1/clients/" + team.client().id() + "/goals").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void the_clients_own_rating_is_kept_beside_the_specialists_and_leaves_the_t_score_alone() {
        Rehab.Team team = Rehab.team();
        long goal = goal(team);
        team.specialist().as().body(Map.of("score", 0, "phase", "MIDPOINT")).post("/api/v1/goals/" + goal + "/ratings")
                .then().statusCode(200);
        team.client().as().body(Map.of("score", 2, "phase", "MIDPOINT")).post("/api/v1/goals/" + goal + "/ratings").then()
                .statusCode(200).body("ratings.MIDPOINT", equalTo(0)).body("selfRatings.MIDPOINT", equalTo(2));
        team.client().as().body(Map.of("score", 1, "phase", "BASELINE")).post("/api/v1/goals/" + goal + "/ratings").then()
                .statusCode(400).body("violations[0].field", equalTo("phase"));
        team.client().as().body(Map.of("score", 3, "phase", "FINAL")).post("/api/v1/goals/" + goal + "/ratings").then()
                .statusCode(400).body("violations[0].field", equalTo("score"));
        team.specialist().as().get("/api/v1/clients/" + team.client().id() + "/gas").then().statusCode(200)
                .body("byPhase.MIDPOINT", equalTo(50.0f))
                .body("goals[0].ratings.MIDPOINT", equalTo(0))
                .body("goals[0].selfRatings.MIDPOINT", equalTo(2))
                .body("goals[0].selfRatings.FINAL", nullValue());
        Rehab.team().client().as().body(Map.of("score", 1, "phase", "FINAL")).post("/api/v1/goals/" + goal + "/ratings").then()
                .statusCode(404);
    }

    @Test
    void the_client_rates_on_their_goal_page_and_the_specialist_sees_both_on_the_client_page() {
        Rehab.Team team = Rehab.team();
        long goal = goal(team);
        team.specialist().as().body(Map.of("score", -1, "phase", "MIDPOINT")).post("/api/v1/goals/" + goal + "/ratings")
                .then().statusCode(200);
        Browser client = new Browser().signIn(team.client().username(), Api.PASSWORD);
        client.get("/").then().statusCode(200).body(containsString("href=\"/goals/" + goal + "\""));
        client.get("/goals/" + goal).then().statusCode(200).body(containsString("−1: Kerran kuussa"))
                .body(not(containsString("+1: Kahdesti viikossa</td>")));
        client.post("/goals/" + goal + "/self-rating", Map.of("phase", "MIDPOINT")).then().statusCode(400)
                .body(containsString("id=\"f-score-error\">Arvion pitää olla −2, −1, 0, 1 tai 2."));
        client.post("/goals/" + goal + "/self-rating", Map.of("phase", "MIDPOINT", "score", "1")).then().statusCode(303);
        client.get("/goals/" + goal + "?saved=1").then().statusCode(200).body(containsString("Arviosi on tallennettu."))
                .body(containsString("+1: Kahdesti viikossa</td>"));
        new Browser().signIn(Rehab.team().client().username(), Api.PASSWORD).get("/goals/" + goal).then().statusCode(404);
        new Browser().signIn(team.specialist().username(), Api.PASSWORD).get("/clients/" + team.client().id()).then()
                .statusCode(200).body(containsString("Asiakkaan oma arvio"))
                .body(containsString("−1: Kerran kuussa</td>"))
                .body(containsString("+1: Kahdesti viikossa</td>"));
    }
}
