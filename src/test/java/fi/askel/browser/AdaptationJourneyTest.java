package fi.askel.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A specialist adapts an exercise for one client between two sessions: a wrong amount is refused at its field with
 * the focus on it, the corrected one is saved, and the client sees the amount and the note at the step.
 */
@QuarkusTest
class AdaptationJourneyTest extends BrowserJourney {

    private static final String SETS = "[name='steps.chin-tuck.dose.sets']";
    private static final String NOTE = "[name='steps.chin-tuck.note']";

    @Test
    void a_specialist_sets_the_amount_and_a_note_for_one_client_and_the_client_sees_them() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "back-and-neck");
        try (BrowserContext window = chromium.signedIn("fi-FI", team.specialist().username(), base)) {
            Page page = window.newPage();
            page.navigate(base + "assignments/" + id + "/adaptation");
            BrowserSupport.assertAccessible(page);

            page.locator(SETS).fill("0");
            page.locator(NOTE).fill("Pidä leuka tasossa ja hengitä rauhassa.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tallenna mukautus")).click();
            assertThat(page.locator(SETS)).hasAttribute("aria-invalid", "true");
            assertThat(page.locator(SETS)).isFocused();
            assertThat(page.locator(NOTE)).hasValue("Pidä leuka tasossa ja hengitä rauhassa.");
            BrowserSupport.assertAccessible(page);

            page.locator(SETS).fill("3");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tallenna mukautus")).click();
            assertThat(page.getByText("Mukautus on tallennettu.")).isVisible();
        }
        try (BrowserContext window = chromium.signedIn("fi-FI", team.client().username(), base)) {
            Page page = window.newPage();
            page.navigate(base + "assignments/" + id + "/steps/chin-tuck");
            assertThat(page.locator(".adapted-mark")).hasText("(asiantuntijasi asettama sinulle)");
            assertThat(page.getByText("Pidä leuka tasossa ja hengitä rauhassa.")).isVisible();
            assertThat(page.locator("p", new Page.LocatorOptions().setHas(page.locator(".adapted-mark")))).containsText("3 sarjaa");
            BrowserSupport.assertAccessible(page);
        }
    }
}
