package fi.askel.rehab;

import fi.askel.common.Dates;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client's side in the browser: dashboard, steps one by one, autosave, logs, sending for review. */
@QuarkusTest
class ClientWorkPageTest {

    @Test
    void dashboard_lists_the_exercise_with_its_progress_and_the_overview_starts_it() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "wellbeing-who5");
        Browser browser = new Browser().signIn(team.client().username(), Api.PASSWORD);
        browser.get("/").then().statusCode(200)
                .body(containsString("href=\"/assignments/" + id + "\""))
                .body(containsString("Hyvinvointini (WHO-5)"))
                .body(containsString("0/4 vaihetta tehty"))
                .body(containsString("<progress id=\"progress-" + id + "\" max=\"4\" value=\"0\""));
        browser.get("/assignments/" + id).then().statusCode(200)
                .body(containsString("Aloita"))
                .body(containsString("href=\"/assignments/" + id + "/steps/about-who5\""))
                .body(not(containsString("Lähetä arvioitavaksi")));
    }

    @Test
    void each_step_is_saved_from_its_form_and_leads_to_the_next() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "wellbeing-who5");
        Browser browser = new Browser().signIn(team.client().username(), Api.PASSWORD);
        browser.get("/assignments/" + id + "/steps/about-who5").then().statusCode(200)
                .body(containsString("Vaihe 1/4"))
                .body(containsString("Olen lukenut tämän, jatka"));
        browser.post("/assignments/" + id + "/steps/about-who5", Map.of("action", "next")).then().statusCode(303)
                .header("Location", endsWith("/assignments/" + id + "/steps/who-5"));
        browser.get("/assignments/" + id + "/steps/who-5").then().statusCode(200)
                .body(containsString("type=\"radio\" name=\"v.cheerful\""));
        // A missing item: the page comes back with the error and the answers already chosen.
        browser.post("/assignments/" + id + "/steps/who-5", Map.of("action", "next", "v.cheerful", "3", "v.calm", "4"))
                .then().statusCode(400)
                .body(containsString("role=\"alert\""))
                .body(containsString("Tähän tarvitaan vastaus."))
                .body(containsString("name=\"v.calm\" value=\"4\" checked"));
        browser.post("/assignments/" + id + "/steps/who-5", Map.of("action", "next", "v.cheerful", "3", "v.calm", "4",
                "v.active", "2", "v.rested", "3", "v.interesting-life", "3")).then().statusCode(303);
        browser.get("/assignments/" + id + "/steps/who-5").then()
                .body(containsString("Pisteesi: 60/100"));
        team.client().as().get("/api/v1/assignments/" + id).then()
                .body("steps.find { it.key == 'who-5' }.done", equalTo(true))
                .body("steps.find { it.key == 'who-5' }.answer.values.calm", equalTo(4));
    }

    @Test
    void a_safety_step_without_words_of_its_own_skips_no_heading_level() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "getting-ready");
        Browser browser = new Browser().signIn(team.client().username(), Api.PASSWORD);
        String page = browser.get("/assignments/" + id + "/steps/emergency").then().statusCode(200)
                .body(containsString("class=\"safety-text")).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<h([1-6])[\\s>]").matcher(page.substring(page.indexOf("<h1")));
        int previous = 0;
        java.util.List<Integer> levels = new java.util.ArrayList<>();
        while (m.find()) {
            int level = Integer.parseInt(m.group(1));
            levels.add(level);
            org.junit.jupiter.api.Assertions.assertTrue(level <= previous + 1, "a heading level is skipped: " + levels);
            previous = level;
        }
        org.junit.jupiter.api.Assertions.assertTrue(levels.size() > 2 && levels.get(0) == 1, "the page and the advice have headings: " + levels);
    }

    @Test
    void a_safety_step_shows_the_modules_words_then_the_shared_advice_and_is_done_by_reading() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "wellbeing-who5");
        Browser browser = new Browser().signIn(team.client().username(), Api.PASSWORD);
        String page = browser.get("/assignments/" + id + "/steps/about-who5").then().statusCode(200)
                .body(containsString("class=\"safety-text"))
                .body(containsString("Kriisipuhelin"))
                .body(containsString("09 2525 0111"))
                .body(not(containsString("Rintakipu")))
                .body(containsString("data-autosave=\"off\""))
                .body(containsString("Olen lukenut tämän, jatka"))
                .extract().asString();
        // The module's own text about WHO-5 comes before the shared advice.
        org.junit.jupiter.api.Assertions.assertTrue(page.indexOf("WHO-5") < page.indexOf("safety-text"));
        browser.post("/assignments/" + id + "/steps/about-who5", Map.of("action", "next")).then().statusCode(303);
        team.client().as().get("/api/v1/assignments/" + id).then()
                .body("steps.find { it.key == 'about-who5' }.done", equalTo(true))
                .body("steps.find { it.key == 'about-who5' }.answer.read", equalTo(true));
    }

    @Test
    void autosave_keeps_a_draft_without_finishing_the_step() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "sleep-and-recovery");
        String key = team.client().as().get("/api/v1/modules/sleep-and-recovery").then().extract().jsonPath()
                .getString("steps.find { it.type == 'reflection' }.key");
        Browser browser = new Browser().signIn(team.client().username(), Api.PASSWORD);
        String page = browser.get("/assignments/" + id + "/steps/" + key).then().statusCode(200)
                .body(containsString("data-autosave=\"on\"")).extract().asString();
        // As autosave.js does: the token from the form's hidden field (the cookie holds only the browser's random part).
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page);
        org.junit.jupiter.api.Assertions.assertTrue(token.find());
        browser.request().header("X-Autosave", "1").contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("text", "Menen nukkumaan kello 22", "csrf-token", token.group(1)))
                .post("/assignments/" + id + "/steps/" + key).then().statusCode(204);
        browser.get("/assignments/" + id + "/steps/" + key).then().body(containsString(">Menen nukkumaan kello 22</textarea>"));
        team.client().as().get("/api/v1/assignments/" + id).then()
                .body("steps.find { it.key == '" + key + "' }.done", equalTo(false))
                .body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void exercise_entries_are_added_and_the_step_is_marked_done() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "back-and-neck");
        Browser browser = new Browser().signIn(team.client().username(), Api.PASSWORD);
        browser.get("/assignments/" + id + "/steps/chin-tuck").then().statusCode(200)
                .body(containsString("Et ole vielä kirjannut tätä harjoitusta."));
        LocalDate day = Dates.today().minusDays(1);
        String yesterday = day.toString();
        browser.post("/assignments/" + id + "/steps/chin-tuck", Map.of("action", "add-log", "log.date", yesterday,
                "log.sets", "2", "log.reps", "10", "log.effort", "4", "log.pain", "3", "log.note", "Meni hyvin"))
                .then().statusCode(303);
        browser.get("/assignments/" + id + "/steps/chin-tuck").then()
                .body(containsString("<td>" + day.getDayOfMonth() + "." + day.getMonthValue() + "." + day.getYear() + "</td>"))
                .body(containsString("Meni hyvin"));
        browser.post("/assignments/" + id + "/steps/chin-tuck", Map.of("action", "add-log", "log.effort", "4"))
                .then().statusCode(400).body(containsString("Tarkista merkintä"));
        browser.post("/assignments/" + id + "/steps/chin-tuck", Map.of("action", "next")).then().statusCode(303);
        team.client().as().get("/api/v1/assignments/" + id).then()
                .body("steps.find { it.key == 'chin-tuck' }.done", equalTo(true))
                .body("steps.find { it.key == 'chin-tuck' }.answer.logs.size()", equalTo(1));
    }

    @Test
    void sending_for_review_from_the_overview() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "wellbeing-who5");
        Rehab.completeAll(team.client(), id, "wellbeing-who5");
        Browser browser = new Browser().signIn(team.client().username(), Api.PASSWORD);
        browser.get("/assignments/" + id).then().body(containsString("Lähetä arvioitavaksi"));
        browser.post("/assignments/" + id + "/submit", Map.of()).then().statusCode(303);
        browser.get("/assignments/" + id + "?sent=1").then()
                .body(containsString("Lähetetty arvioitavaksi"))
                .body(containsString("Kiitos!"));
        browser.get("/assignments/" + id + "/steps/who-5").then()
                .body(containsString("arvioitavaksi, joten vastauksia ei voi nyt muuttaa"))
                .body(containsString("<fieldset disabled>"));
    }

    @Test
    void another_clients_exercise_is_not_found() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "wellbeing-who5");
        Api.Account other = Rehab.team().client();
        Browser browser = new Browser().signIn(other.username(), Api.PASSWORD);
        browser.get("/assignments/" + id).then().statusCode(404);
        browser.get("/assignments/" + id + "/steps/about-who5").then().statusCode(404);
        browser.get("/");
        browser.post("/assignments/" + id + "/steps/about-who5", Map.of("action", "next")).then().statusCode(404);
    }
}
