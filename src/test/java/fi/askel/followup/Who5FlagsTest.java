package fi.askel.followup;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WHO-5: a low score asks the client to talk about their mood with the specialist; items answered 0–1 stand out on the review. */
@QuarkusTest
class Who5FlagsTest {

    @Test
    void a_low_score_suggests_talking_about_mood_and_low_items_are_pointed_out_to_the_specialist() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "wellbeing-who5");
        Rehab.completeAll(team.client(), id, "wellbeing-who5");
        // 1, 1, 2, 1, 1 → raw 6, scaled 24 (≤ 28)
        team.client().as().body(Map.of("answer", Map.of("values", Map.of("cheerful", 1, "calm", 1, "active", 2, "rested", 1,
                "interesting-life", 1)), "final", true)).put("/api/v1/assignments/" + id + "/steps/who-5").then().statusCode(200);
        Browser client = new Browser().signIn(team.client().username(), Api.PASSWORD);
        client.get("/assignments/" + id + "/steps/who-5").then().statusCode(200)
                .body(containsString("Ota mielialasi puheeksi kuntoutuksen asiantuntijan kanssa"))
                // The client and the specialist both read where the Finnish wording comes from.
                .body(containsString("Suomenkielinen sanamuoto on palveluntarjoajan oma"));
        team.client().as().post("/api/v1/assignments/" + id + "/submit").then().statusCode(200);
        ClientPagesTest.signIn(team.specialist()).get("/reviews/" + id).then().statusCode(200)
                .body(containsString("Huomaa: asiakas vastasi näihin kohtiin 1 tai vähemmän"))
                .body(containsString("<strong class=\"alert-value\">1 –"))
                .body(not(containsString("<strong class=\"alert-value\">2 –")))
                .body(containsString("Suomenkielinen sanamuoto on palveluntarjoajan oma"));
    }

    @Test
    void a_good_score_points_out_nothing() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "wellbeing-who5");
        Rehab.completeAll(team.client(), id, "wellbeing-who5");
        team.client().as().body(Map.of("answer", Map.of("values", Map.of("cheerful", 4, "calm", 4, "active", 3, "rested", 2,
                "interesting-life", 5)), "final", true)).put("/api/v1/assignments/" + id + "/steps/who-5").then().statusCode(200);
        team.client().as().post("/api/v1/assignments/" + id + "/submit").then().statusCode(200);
        ClientPagesTest.signIn(team.specialist()).get("/reviews/" + id).then().statusCode(200)
                .body(not(containsString("Huomaa: asiakas vastasi")))
                .body(not(containsString("Ota mielialasi puheeksi")));
    }
}
