package fi.askel.followup;

import fi.askel.common.Dates;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.rehab.Assignment;
import fi.askel.rehab.AssignmentStatus;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewPagesTest {

    @Test
    void the_review_page_shows_each_answer_next_to_its_prompt() {
        Rehab.Team team = Rehab.team();
        long goals = submitted(team, "setting-goals");
        long back = Rehab.assign(team, "back-and-neck");
        Rehab.completeAll(team.client(), back, "back-and-neck");
        ClientOverviewApiTest.logExercise(team, back, "chin-tuck", List.of(ClientOverviewApiTest.log(1, 8, 6),
                Map.of("date", Dates.today().toString(), "sets", 2, "reps", 10, "effort", 4, "pain", 3, "note", "Niska jumissa")));
        team.client().as().post("/api/v1/assignments/" + back + "/submit").then().statusCode(200);
        long who5 = submitted(team, "wellbeing-who5");
        Browser browser = ClientPagesTest.signIn(team.specialist());

        browser.get("/reviews/" + goals).then().statusCode(200)
                .body(containsString("<h1>Omat tavoitteeni (GAS)</h1>"))
                .body(containsString("Test " + team.client().username()))
                .body(containsString("<p class=\"answer-text\">Minulle tärkeintä on jaksaa arjessa.</p>"))
                .body(containsString("<strong>Tavoite:</strong> Kävelen kauppaan"))
                .body(containsString("<th scope=\"row\">+2</th><td>Joka päivä</td>"))
                .body(containsString("<th scope=\"row\">\u22122</th><td>En lainkaan</td>"))
                .body(containsString("<p class=\"state-yes\">Merkitty luetuksi</p>"))
                .body(containsString("Vastaus: <strong>"))
                .body(containsString("class=\"prompt\""))
                .body(containsString("action=\"/reviews/" + goals + "#decision\""))
                .body(containsString("<label for=\"f-comment\">Kommentti asiakkaalle</label>"));
        String quiz = browser.get("/reviews/" + goals).asString();
        assertTrue(quiz.contains("class=\"state-yes\">oikein") || quiz.contains("class=\"worse\">väärin"), "quiz answers are marked");

        browser.get("/reviews/" + back).then().statusCode(200)
                .body(containsString("<caption>Harjoituspäiväkirja, 2 merkintää</caption>"))
                .body(containsString("<span class=\"alert-value\">8 (kova)</span>"))
                .body(containsString("<td>Niska jumissa</td>"))
                .body(containsString("<strong>0 / 10</strong>"))
                .body(containsString("0 = "))
                .body(containsString("<strong>Annos:</strong>"));

        browser.get("/reviews/" + who5).then().statusCode(200)
                .body(containsString("WHO-5"))
                .body(containsString("Olen ollut iloinen ja hyvällä tuulella."))
                .body(containsString("<td>5 – Koko ajan</td>"))
                .body(containsString("Pisteet 100/100"))
                .body(containsString("hyvinvointisi on hyvä"))
                .body(containsString("Rastitettu</span>: "))
                .body(containsString("Ei rastitettu</span>: "));

        // A score of 0 is a score, not a missing one.
        long low = Rehab.assign(team, "wellbeing-who5");
        ClientOverviewApiTest.answerWho5(team, low, 0);
        browser.get("/reviews/" + low).then().statusCode(200)
                .body(containsString("Pisteet 0/100"))
                // Every item answered 0 is pointed out (WHO-5 flags answers of 0 or 1).
                .body(containsString("<td><strong class=\"alert-value\">0 – Ei lainkaan</strong></td>"))
                .body(containsString("hyvinvointisi on tällä hetkellä heikko"));
    }

    @Test
    void a_decision_made_on_the_review_page_reaches_the_client() {
        Rehab.Team team = Rehab.team();
        long id = submitted(team, "wellbeing-who5");
        Browser browser = ClientPagesTest.signIn(team.specialist());
        browser.get("/reviews").then().statusCode(200)
                .body(containsString("Arviota odottaa: 1"))
                .body(containsString("href=\"/reviews/" + id + "\""));
        browser.get("/reviews/" + id).then().statusCode(200);

        // A decision forged from another site, without the form's token, is refused.
        browser.request().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("decision", "APPROVED", "comment", "")).post("/reviews/" + id).then().statusCode(400);
        team.client().as().get("/api/v1/assignments/" + id).then().body("status", equalTo("SUBMITTED"));
        browser.post("/reviews/" + id, Map.of("comment", "Hyvä")).then().statusCode(400)
                .body(containsString("role=\"alert\""))
                .body(containsString(">Hyvä</textarea>"));
        browser.post("/reviews/" + id, Map.of("decision", "NEEDS_WORK", "comment", "  ")).then().statusCode(400)
                .body(containsString("Kirjoita kommentti, jotta asiakas tietää, mitä tehdä."))
                .body(containsString("value=\"NEEDS_WORK\" checked"));
        team.client().as().get("/api/v1/assignments/" + id).then().body("status", equalTo("SUBMITTED"));

        Response r = browser.post("/reviews/" + id, Map.of("decision", "NEEDS_WORK", "comment", "Kerro vielä, mikä auttaa jaksamaan."));
        assertEquals(303, r.statusCode());
        assertTrue(r.header("Location").endsWith("/reviews?saved=" + id), r.header("Location"));
        browser.get("/reviews?saved=" + id).then().statusCode(200)
                .body(containsString("Päätös tallennettu: Hyvinvointini (WHO-5) (Test " + team.client().username() + "): Täydennettävää"))
                .body(containsString("Mikään ei odota arviota."));
        team.client().as().get("/api/v1/assignments/" + id).then()
                .body("status", equalTo("NEEDS_WORK"))
                .body("reviews[0].comment", equalTo("Kerro vielä, mikä auttaa jaksamaan."));
        browser.get("/reviews/" + id).then().statusCode(200)
                .body(containsString("Harjoitus on palautettu asiakkaalle lisätyötä varten."))
                .body(containsString("Kerro vielä, mikä auttaa jaksamaan."))
                .body(not(containsString("action=\"/reviews/" + id)));
        // Deciding again on work that is back with the client is refused and changes nothing.
        browser.post("/reviews/" + id, Map.of("decision", "APPROVED", "comment", "")).then().statusCode(409);
        team.client().as().get("/api/v1/assignments/" + id).then().body("status", equalTo("NEEDS_WORK"));
    }

    @Test
    void the_queue_is_oldest_first_twenty_a_page() {
        Rehab.Team team = Rehab.team();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            ids.add(Rehab.assign(team, i % 2 == 0 ? "eating-well" : "sleep-and-recovery"));
        }
        // Sent for review over the last 21 days, the first one longest ago.
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < ids.size(); i++) {
                Assignment a = Assignment.findById(ids.get(i));
                a.status = AssignmentStatus.SUBMITTED;
                a.submittedAt = Instant.now().minus(21 - i, ChronoUnit.DAYS);
            }
        });
        Browser browser = ClientPagesTest.signIn(team.specialist());
        String first = browser.get("/reviews").then().statusCode(200)
                .body(containsString("Arviota odottaa: 21"))
                .body(containsString("<td>21 pv</td>"))
                .body(containsString("href=\"/reviews?page=1\" rel=\"next\""))
                .body(not(containsString("href=\"/reviews/" + ids.get(20) + "\"")))
                .extract().asString();
        assertTrue(first.indexOf("/reviews/" + ids.get(0) + "\"") < first.indexOf("/reviews/" + ids.get(1) + "\""));
        browser.get("/reviews?page=1").then().statusCode(200)
                .body(containsString("href=\"/reviews/" + ids.get(20) + "\""))
                .body(containsString("Sivu 2"))
                .body(containsString("rel=\"prev\""))
                .body(not(containsString("rel=\"next\"")));
    }

    @Test
    void other_specialists_do_not_see_the_work() {
        Rehab.Team team = Rehab.team();
        long id = submitted(team, "wellbeing-who5");
        Browser stranger = ClientPagesTest.signIn(Rehab.team().specialist());
        stranger.get("/reviews/" + id).then().statusCode(404);
        stranger.post("/reviews/" + id, Map.of("decision", "APPROVED", "comment", "")).then().statusCode(404);
        stranger.get("/reviews").then().statusCode(200).body(not(containsString("/reviews/" + id + "\"")));
        ClientPagesTest.signIn(team.client()).get("/reviews/" + id).then().statusCode(403);
        team.client().as().get("/api/v1/assignments/" + id).then().body("status", equalTo("SUBMITTED"));
    }

    static long submitted(Rehab.Team team, String slug) {
        long id = Rehab.assign(team, slug);
        Rehab.completeAll(team.client(), id, slug);
        team.client().as().post("/api/v1/assignments/" + id + "/submit").then().statusCode(200);
        return id;
    }
}
