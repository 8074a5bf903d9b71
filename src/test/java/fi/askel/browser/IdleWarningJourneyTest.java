package fi.askel.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fi.askel.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The idle sign-out warning in a real Chromium, with the page's clock moved forward (Playwright's clock):
 * a minute before a client's hour is up a notice takes the focus, says why in Finnish and offers to stay;
 * staying counts as activity on the server; left alone, the page says the sign-in has ended and offers to
 * sign in again. Keyboard and screen-reader users get the same: a focused alert dialog, Escape stays.
 */
@QuarkusTest
class IdleWarningJourneyTest extends BrowserJourney {

    @Test
    void a_minute_before_the_end_the_page_warns_and_staying_keeps_the_sign_in() {
        Api.Account client = Api.create("CLIENT");
        try (BrowserContext context = chromium.signedIn("fi-FI", client.username(), base)) {
            Page page = context.newPage();
            page.clock().install();
            page.navigate(base.toString());
            Locator warning = page.locator(".idle-warning");
            assertThat(warning).isHidden();

            page.clock().fastForward("58:00");
            assertThat(warning).isHidden();
            page.clock().fastForward("01:30");
            assertThat(page.getByRole(AriaRole.ALERTDIALOG)).isVisible();
            assertThat(page.getByRole(AriaRole.ALERTDIALOG)).containsText("kirjataan ulos minuutin kuluttua");
            Locator stay = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pysy kirjautuneena"));
            assertThat(stay).isFocused();
            BrowserSupport.assertAccessible(page);

            page.keyboard().press("Enter");
            assertThat(warning).isHidden();
            // A fresh hour from now: nothing at half an hour, the warning again just before its end.
            page.clock().fastForward("30:00");
            assertThat(warning).isHidden();
            page.clock().fastForward("29:30");
            assertThat(page.getByRole(AriaRole.ALERTDIALOG)).isVisible();

            // Left alone: the page says the sign-in ended and offers to sign in again, back to this page.
            page.clock().fastForward("01:00");
            Locator signIn = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kirjaudu uudelleen"));
            assertThat(signIn).isVisible();
            assertThat(signIn).isFocused();
            assertThat(page.getByRole(AriaRole.ALERTDIALOG)).containsText("Sinut on kirjattu ulos");
            assertThat(stay).isHidden();
        }
    }
}
