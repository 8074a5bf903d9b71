package fi.askel.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fi.askel.support.Api;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client on a phone: every control of the pages they use is big enough to hit with a finger, and a form that
 * comes back refused puts the focus on the first field with a problem, where a screen reader reads the problem.
 */
@QuarkusTest
class TouchAndErrorFocusJourneyTest extends BrowserJourney {

    @Test
    void every_control_on_the_clients_pages_is_at_least_44_px() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "sleep-and-recovery");
        List<String> keys = team.client().as().get("/api/v1/modules/sleep-and-recovery").then().extract().jsonPath()
                .getList("steps.key");
        try (BrowserContext context = chromium.signedIn("fi-FI", team.client().username(), base)) {
            Page page = context.newPage();
            page.navigate(base.toString());
            TouchTargets.assertLargeEnough(page);
            page.navigate(base + "assignments/" + id);
            TouchTargets.assertLargeEnough(page);
            for (String key : keys) { // every step type of the module: scales, checklists, text fields
                page.navigate(base + "assignments/" + id + "/steps/" + key);
                TouchTargets.assertLargeEnough(page);
            }
            for (String path : List.of("account", "remote-days", "help/accessibility")) {
                page.navigate(base + path);
                TouchTargets.assertLargeEnough(page);
            }
            // The check itself sees a control that is too small.
            page.evaluate("() => { const b = document.createElement('button'); b.id = 'tiny';"
                    + " b.style.cssText = 'min-height:0;min-width:0;height:20px;width:20px;padding:0'; document.querySelector('main').append(b); }");
            AssertionError tiny = assertThrows(AssertionError.class, () -> TouchTargets.assertLargeEnough(page));
            assertTrue(tiny.getMessage().contains("button#tiny 20×20"), tiny.getMessage());
        }
    }

    /** Found by a reviewer: Enter in a field of the exercise log pressed the first row's "remove". */
    @Test
    void enter_in_the_exercise_log_adds_the_entry_and_removes_nothing() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "sleep-and-recovery");
        String key = team.client().as().get("/api/v1/modules/sleep-and-recovery").then().extract().jsonPath()
                .getString("steps.find { it.type == 'exercise' }.key");
        try (BrowserContext context = chromium.signedIn("fi-FI", team.client().username(), base)) {
            Page page = context.newPage();
            page.navigate(base + "assignments/" + id + "/steps/" + key);
            // the wind-down routine logs minutes and a note (log: in module.yaml), no effort or pain
            assertThat(page.locator("#log-effort")).hasCount(0);
            page.locator("#log-minutes").fill("15");
            page.locator("#log-note").fill("Ensimmäinen ilta");
            page.locator("#log-note").press("Enter");
            assertThat(page.locator(".step-form table tbody tr")).hasCount(1);
            page.locator("#log-minutes").fill("20");
            page.locator("#log-note").fill("Toinen ilta");
            page.locator("#log-note").press("Enter");
            assertThat(page.locator(".step-form table tbody tr")).hasCount(2);
            assertThat(page.locator(".step-form table")).containsText("Ensimmäinen ilta");
            assertThat(page.locator(".step-form table")).containsText("Toinen ilta");
            BrowserSupport.assertAccessible(page); // the logged days are written as people write dates, too
        }
    }

    @Test
    void a_refused_form_puts_the_focus_on_its_first_problem() {
        Api.Account client = Api.create("CLIENT");
        try (BrowserContext context = chromium.signedIn("fi-FI", client.username(), base)) {
            Page page = context.newPage();
            page.navigate(base + "account");
            page.locator("#f-currentPassword").fill(Api.PASSWORD);
            page.locator("#f-newPassword").fill("short");
            page.locator("#f-newPasswordAgain").fill("short");
            page.locator("#f-newPasswordAgain").press("Enter");
            assertThat(page.locator("p.alert-error")).isVisible();
            // The focus is not where the page starts, nor on the first field (which was right): on the new password.
            assertThat(page.locator("#f-currentPassword")).not().hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#f-newPassword")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#f-newPassword")).isFocused();
            // What a screen reader reads with the field: the problem, through aria-describedby.
            String describedBy = page.locator("#f-newPassword").getAttribute("aria-describedby");
            String problem = (String) page.evaluate("ids => ids.split(' ').map(i => document.getElementById(i))"
                    + ".filter(e => e && e.classList.contains('error')).map(e => e.innerText).join(' ')", describedBy);
            assertEquals(false, problem.isBlank(), "the focused field names its problem: " + describedBy);
            BrowserSupport.assertAccessible(page);
        }
    }
}
