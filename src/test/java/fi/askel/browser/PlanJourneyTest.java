package fi.askel.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import fi.askel.common.Dates;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A client writes their plan for after the course with their goal and most-logged exercise in view; the specialist
 * reads it on the review page. Every page axe-checked.
 */
@QuarkusTest
class PlanJourneyTest extends BrowserJourney {

    @Test
    void a_client_writes_the_plan_by_keyboard_labels_and_the_specialist_reads_it() {
        Rehab.Team team = Rehab.team();
        team.specialist().as().body(Map.of("title", "Kävelen kauppaan", "weight", 2, "levels", Map.of("-2", "En lainkaan",
                        "-1", "Kerran kuussa", "0", "Kerran viikossa", "1", "Kahdesti viikossa", "2", "Joka päivä")))
                .post("/api/v1/clients/" + team.client().id() + "/goals").then().statusCode(201);
        long back = Rehab.assign(team, "back-and-neck");
        team.client().as().body(Map.of("answer", Map.of("logs", List.of(Map.of("date", Dates.today().toString(), "sets", 2,
                        "reps", 10, "effort", 3, "pain", 1))), "final", true))
                .put("/api/v1/assignments/" + back + "/steps/chin-tuck").then().statusCode(200);
        long id = Rehab.assign(team, "after-the-course");
        try (BrowserContext window = chromium.signedIn("fi-FI", team.client().username(), base)) {
            Page page = window.newPage();
            page.navigate(base + "assignments/" + id + "/steps/my-plan");
            PlaywrightAssertions.assertThat(page.locator(".course-so-far")).containsText("Kävelen kauppaan");
            PlaywrightAssertions.assertThat(page.locator(".course-so-far")).containsText("Leuan sisäänveto");
            BrowserSupport.assertAccessible(page);
            page.getByLabel("Mitä jatkan ja kuinka usein?").fill("Leuan sisäänveto joka aamu");
            page.getByLabel("Mikä auttaa minua, kun on vaikeaa?").fill("Aloitan pienestä");
            page.getByLabel("Keneen otan yhteyttä ja milloin?").fill("Tytär");
            button(page, "Tallenna ja jatka").click();
            PlaywrightAssertions.assertThat(page).hasURL(base + "assignments/" + id + "/steps/when-to-get-help");
        }
        Rehab.completeAll(team.client(), id, "after-the-course");
        team.client().as().post("/api/v1/assignments/" + id + "/submit").then().statusCode(200);
        try (BrowserContext window = chromium.signedIn("fi-FI", team.specialist().username(), base)) {
            Page page = window.newPage();
            page.navigate(base + "reviews/" + id);
            PlaywrightAssertions.assertThat(page.locator(".plan-review dt").first()).hasText("Mitä jatkan ja kuinka usein?");
            BrowserSupport.assertAccessible(page);
        }
    }
}
