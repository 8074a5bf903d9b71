package fi.askel.rehab;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.common.Dates;
import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The closing module's plan: the client sees their goals and most-logged exercises above the plan's fields, writes
 * the plan (drafts while typing, then finished), and the specialist reads it on the review page.
 */
@QuarkusTest
class PlanStepTest {

    private static final String PLAN = "/steps/my-plan";

    @Test
    void the_client_builds_the_plan_from_their_goals_and_logs_and_the_specialist_reads_it() {
        Rehab.Team team = Rehab.team();
        long goal = team.specialist().as().body(Map.of("title", "Kävelen kauppaan", "weight", 2, "levels", Map.of("-2", "En lainkaan",
                        "-1", "Kerran kuussa", "0", "Kerran viikossa", "1", "Kahdesti viikossa", "2", "Joka päivä")))
                .post("/api/v1/clients/" + team.client().id() + "/goals").then().statusCode(201).extract().jsonPath().getLong("id");
        team.specialist().as().body(Map.of("score", 0, "phase", "MIDPOINT")).post("/api/v1/goals/" + goal + "/ratings").then().statusCode(200);
        team.client().as().body(Map.of("score", 1, "phase", "MIDPOINT")).post("/api/v1/goals/" + goal + "/ratings").then().statusCode(200);
        long back = Rehab.assign(team, "back-and-neck");
        log(team, back, "chin-tuck", 3);
        log(team, back, "back-mobility", 1);
        long id = Rehab.assign(team, "after-the-course");
        Browser browser = new Browser().signIn(team.client().username(), Api.PASSWORD);

        String page = browser.get("/assignments/" + id + PLAN).then().statusCode(200)
                .body(containsString("Näistä voit rakentaa suunnitelmasi."))
                .body(containsString("<strong>Kävelen kauppaan</strong>"))
                .body(containsString("Oma arviosi: +1: Kahdesti viikossa (Väliarvio)"))
                .body(containsString("0: Kerran viikossa (Väliarvio)"))
                .body(containsString("<strong>Leuan sisäänveto</strong>"))
                .body(containsString("kirjattu 3 kertaa"))
                .body(containsString("<label for=\"f-p-keep-doing\">Mitä jatkan ja kuinka usein? <span class=\"required\""))
                .body(containsString("name=\"p.keep-doing\""))
                .body(containsString("aria-describedby=\"f-p-keep-doing-hint\""))
                .body(containsString("data-autosave=\"on\""))
                .extract().asString();
        assertTrue(page.indexOf("Leuan sisäänveto") < page.indexOf("kissa"), "the most logged exercise comes first");
        assertTrue(page.indexOf("Kävelen kauppaan") < page.indexOf("f-p-keep-doing"), "what was built comes above the fields");

        // Autosave keeps a draft; the step is not done.
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(token.find());
        browser.request().header("X-Autosave", "1").contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("p.keep-doing", "Leuan sisäänveto joka aamu", "csrf-token", token.group(1)))
                .post("/assignments/" + id + PLAN).then().statusCode(204);
        browser.get("/assignments/" + id + PLAN).then().body(containsString(">Leuan sisäänveto joka aamu</textarea>"));
        team.client().as().get("/api/v1/assignments/" + id).then()
                .body("steps.find { it.key == 'my-plan' }.done", equalTo(false))
                .body("steps.find { it.key == 'my-plan' }.answer.texts.keep-doing", equalTo("Leuan sisäänveto joka aamu"));

        // Issue 17: the summary names a plan still in draft as unfinished and hands over none of its words.
        Browser specialist = new Browser().signIn(team.specialist().username(), Api.PASSWORD);
        specialist.get("/clients/" + team.client().id() + "/summary").then().statusCode(200)
                .body(containsString("<h2>Asiakkaan oma suunnitelma kuntoutuksen jälkeen</h2>"))
                .body(containsString("<strong>Kesken: asiakas ei ole vielä lähettänyt tätä suunnitelmaa.</strong>"))
                .body(not(containsString("Leuan sisäänveto joka aamu")));
        String draftPdf = pdfText(specialist.get("/clients/" + team.client().id() + "/summary.pdf?lang=sv").asByteArray());
        assertTrue(draftPdf.contains("Inte klar: klienten har ännu inte skickat den här planen."), draftPdf);
        assertTrue(!draftPdf.contains("Leuan sisäänveto joka aamu"), draftPdf);

        // Finishing without a required part: the page says which, and keeps what was written.
        browser.post("/assignments/" + id + PLAN, Map.of("action", "next", "p.keep-doing", "Leuan sisäänveto joka aamu"))
                .then().statusCode(400)
                .body(containsString("id=\"f-p-when-hard-error\""))
                .body(containsString(">Leuan sisäänveto joka aamu</textarea>"))
                .body(not(containsString("id=\"f-p-warning-signs-error\"")));
        browser.post("/assignments/" + id + PLAN, Map.of("action", "next", "p.keep-doing", "Leuan sisäänveto joka aamu",
                        "p.when-hard", "Aloitan uudelleen yhdellä harjoituksella", "p.who-to-contact", "Tytär, jos into loppuu"))
                .then().statusCode(303).header("Location", endsWith("/assignments/" + id + "/steps/when-to-get-help"));
        team.client().as().get("/api/v1/assignments/" + id).then()
                .body("steps.find { it.key == 'my-plan' }.done", equalTo(true))
                .body("steps.find { it.key == 'my-plan' }.answer.texts.who-to-contact", equalTo("Tytär, jos into loppuu"));

        Rehab.completeAll(team.client(), id, "after-the-course");
        team.client().as().body(Map.of("answer", Map.of("texts", Map.of("keep-doing", "Leuan sisäänveto joka aamu",
                        "when-hard", "Aloitan uudelleen yhdellä harjoituksella", "who-to-contact", "Tytär, jos into loppuu")), "final", true))
                .put("/api/v1/assignments/" + id + "/steps/my-plan").then().statusCode(200);
        team.client().as().post("/api/v1/assignments/" + id + "/submit").then().statusCode(200);
        specialist.get("/reviews/" + id).then().statusCode(200)
                .body(containsString("<dt>Mitä jatkan ja kuinka usein?</dt>"))
                .body(containsString("<dd class=\"answer-text\">Leuan sisäänveto joka aamu</dd>"))
                .body(containsString("<dd class=\"answer-text\">Tytär, jos into loppuu</dd>"));
        // The rehabilitation summary (page and PDF) carries the plan too.
        specialist.get("/clients/" + team.client().id() + "/summary").then().statusCode(200)
                .body(containsString("<h2>Asiakkaan oma suunnitelma kuntoutuksen jälkeen</h2>"))
                .body(containsString("<dt>Mitä jatkan ja kuinka usein?</dt><dd class=\"answer-text\">Leuan sisäänveto joka aamu</dd>"))
                .body(not(containsString("Kesken: asiakas ei ole vielä lähettänyt")));
        String sentPdf = pdfText(specialist.get("/clients/" + team.client().id() + "/summary.pdf").asByteArray());
        assertTrue(sentPdf.contains("Leuan sisäänveto joka aamu") && !sentPdf.contains("Kesken:"), sentPdf);
    }

    @Test
    void an_over_long_part_is_refused_naming_it_and_nothing_changes() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "after-the-course");
        team.client().as().body(Map.of("answer", Map.of("texts", Map.of("keep-doing", "Kävelen")), "final", false))
                .put("/api/v1/assignments/" + id + "/steps/my-plan").then().statusCode(200);
        team.client().as().body(Map.of("answer", Map.of("texts", Map.of("keep-doing", "x".repeat(2001), "nope", "?")), "final", false))
                .put("/api/v1/assignments/" + id + "/steps/my-plan").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItems("answer.texts.keep-doing", "answer.texts.nope"));
        team.client().as().get("/api/v1/assignments/" + id).then()
                .body("steps.find { it.key == 'my-plan' }.answer.texts.keep-doing", equalTo("Kävelen"));
        Browser browser = new Browser().signIn(team.client().username(), Api.PASSWORD);
        browser.post("/assignments/" + id + PLAN, Map.of("action", "draft", "p.keep-doing", "x".repeat(2001)))
                .then().statusCode(400)
                .body(containsString("id=\"f-p-keep-doing-error\""))
                .body(containsString("aria-describedby=\"f-p-keep-doing-hint f-p-keep-doing-error\""));
    }

    @Test
    void without_goals_or_logs_the_plan_says_they_will_appear_and_can_still_be_written() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "after-the-course");
        new Browser().signIn(team.client().username(), Api.PASSWORD).get("/assignments/" + id + PLAN).then().statusCode(200)
                .body(containsString("näkyvät tässä, kun niitä on"))
                .body(not(containsString("Näistä voit rakentaa suunnitelmasi.")))
                .body(containsString("name=\"p.who-to-contact\""));
    }

    private static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a PDF", e);
        }
    }

    private static void log(Rehab.Team team, long assignmentId, String step, int times) {
        List<Map<String, Object>> logs = java.util.stream.IntStream.range(0, times).mapToObj(i -> Map.<String, Object>of(
                "date", Dates.today().minusDays(i).toString(), "sets", 2, "reps", 10, "effort", 3, "pain", 1)).toList();
        team.client().as().body(Map.of("answer", Map.of("logs", logs), "final", true))
                .put("/api/v1/assignments/" + assignmentId + "/steps/" + step).then().statusCode(200);
    }
}
