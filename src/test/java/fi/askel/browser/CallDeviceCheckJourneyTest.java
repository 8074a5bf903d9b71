package fi.askel.browser;

import fi.askel.common.Dates;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import fi.askel.remote.Calls;
import fi.askel.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The device check when the browser refuses the camera and microphone (the person pressed "Block", or did long
 * ago): the page says so in plain words with what to do, step by step, and the support phone, puts the keyboard
 * on "Try again", and once the person has allowed them, trying again shows their picture. In Finnish and Swedish,
 * with axe. Chromium's fake media allows everything, so the refusal is the browser's own answer put in front of
 * the page (getUserMedia rejecting with NotAllowedError, as Chromium does when blocked).
 */
@QuarkusTest
class CallDeviceCheckJourneyTest extends BrowserJourney {

    static final String REFUSING = """
            window.__refuse = true;
            (() => {
              const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
              navigator.mediaDevices.getUserMedia = c => window.__refuse
                  ? Promise.reject(new DOMException('Permission denied', 'NotAllowedError')) : original(c);
            })();
            """;

    /** This journey's Chromium has a fake camera and microphone (JUnit runs BrowserJourney's start first, then this one). */
    @BeforeAll
    static void startBrowser() {
        chromium = BrowserSupport.shared(BrowserSupport.FAKE_MEDIA);
    }

    @Test
    void a_refused_camera_is_explained_step_by_step_and_trying_again_after_allowing_it_works() {
        Api.Account specialist = Api.create("SPECIALIST", "sv");
        Api.Account client = Api.create("CLIENT", "fi");
        long id = Calls.bookWithSuitablePeriod(specialist, client, OffsetDateTime.now(Dates.ZONE).plusDays(2).truncatedTo(ChronoUnit.MINUTES), "Laitetesti");

        try (BrowserContext clientWindow = chromium.signedIn("fi-FI", client.username(), base);
                BrowserContext specialistWindow = chromium.signedIn("sv-FI", specialist.username(), base)) {
            Page c = refused(clientWindow, id, "Käynnistä kamera ja mikrofoni", "Yritä uudelleen");
            PlaywrightAssertions.assertThat(c.locator("#devices-denied h3"))
                    .hasText("Selain ei antanut käyttää kameraa tai mikrofonia");
            PlaywrightAssertions.assertThat(c.locator("#devices-denied li").first())
                    .hasText("Napsauta osoiterivin vasemmassa reunassa olevaa kameran tai lukon kuvaa.");
            PlaywrightAssertions.assertThat(c.locator("#devices-denied a[href^='tel:']")).isVisible();
            PlaywrightAssertions.assertThat(c.locator("#device-check")).isHidden();

            // The client allows the camera and microphone in the browser and tries again.
            c.evaluate("() => { window.__refuse = false; }");
            c.keyboard().press("Enter");
            PlaywrightAssertions.assertThat(c.locator("#device-status")).hasText("Kamera ja mikrofoni toimivat.");
            PlaywrightAssertions.assertThat(c.locator("#devices-denied")).isHidden();
            c.waitForFunction("() => document.getElementById('preview').videoWidth > 0");
            BrowserSupport.assertAccessible(c);

            Page s = refused(specialistWindow, id, "Starta kameran och mikrofonen", "Försök igen");
            PlaywrightAssertions.assertThat(s.locator("#devices-denied h3"))
                    .hasText("Webbläsaren tillät inte kameran eller mikrofonen");
        }
    }

    /** Opens the call page with the browser refusing, presses start: the refusal is explained, "Try again" has the focus. */
    private Page refused(BrowserContext window, long id, String start, String retry) {
        Page p = window.newPage();
        p.addInitScript(REFUSING);
        p.navigate(base + "calls/" + id);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(start)).click();
        PlaywrightAssertions.assertThat(p.locator("#devices-denied")).isVisible();
        PlaywrightAssertions.assertThat(p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(retry))).isFocused();
        BrowserSupport.assertAccessible(p);
        return p;
    }
}
