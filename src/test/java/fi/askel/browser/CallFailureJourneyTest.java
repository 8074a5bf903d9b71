package fi.askel.browser;

import fi.askel.common.Dates;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import fi.askel.remote.Calls;
import fi.askel.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A call that breaks without anyone hanging up, seen by a Finnish client in two real Chromium windows with fake
 * media: the specialist's browser vanishes (the window is closed), and the media path itself fails while both
 * stay in the call (the specialist's side of the connection is gone, so the client's consent checks go
 * unanswered until Chromium declares the connection {@code failed}). In the second case the client sees
 * "reconnecting" and then the problem notice with the provider's own technical instructions and support phone.
 */
@QuarkusTest
class CallFailureJourneyTest extends BrowserJourney {

    private static final String TEXTS = "/api/v1/admin/readiness/texts/fi";

    /** Chromium declares a connection {@code failed} some 30 s after the other side stops answering. */
    private static final double ICE_FAILS_MS = 60_000;

    /** This journey's Chromium has a fake camera and microphone (JUnit runs BrowserJourney's start first, then this one). */
    @BeforeAll
    static void startBrowser() {
        chromium = BrowserSupport.shared(BrowserSupport.FAKE_MEDIA);
    }

    @Test
    void when_the_other_persons_browser_vanishes_the_client_is_told_they_are_waiting_for_them() {
        Api.Account specialist = Api.create("SPECIALIST", "fi");
        Api.Account client = Api.create("CLIENT", "fi");
        long id = book(specialist, client);

        try (BrowserContext clientWindow = chromium.signedIn("fi-FI", client.username(), base);
                BrowserContext specialistWindow = chromium.signedIn("fi-FI", specialist.username(), base)) {
            Page c = join(clientWindow, id);
            join(specialistWindow, id);
            connected(c);

            // The specialist's window is closed without hanging up: its signalling socket and connection vanish.
            specialistWindow.close();

            PlaywrightAssertions.assertThat(c.locator("#connection-state")).hasAttribute("data-state", "lost");
            PlaywrightAssertions.assertThat(c.locator("#connection-state")).hasText("Yhteys katkesi.");
            PlaywrightAssertions.assertThat(c.locator("#peer-media")).hasText(
                    "Yhteys henkilöön Test " + specialist.username() + " katkesi. Odotetaan, että hän palaa.");
            PlaywrightAssertions.assertThat(c.locator("#remote-videos video")).hasCount(0);
            PlaywrightAssertions.assertThat(c.locator("#call-problem")).isHidden();
            BrowserSupport.assertAccessible(c);
        }
    }

    @Test
    void when_the_media_path_fails_the_client_sees_the_providers_technical_instructions_and_support_phone() {
        Api.Account admin = Api.create("ADMIN", "fi");
        Api.Account specialist = Api.create("SPECIALIST", "fi");
        Api.Account client = Api.create("CLIENT", "fi");
        long id = book(specialist, client);
        String instructions = Api.unique("Jos kuva katkeaa, soita omalle fysioterapeutillesi");
        try (BrowserContext clientWindow = chromium.signedIn("fi-FI", client.username(), base);
                BrowserContext specialistWindow = chromium.signedIn("fi-FI", specialist.username(), base)) {
            admin.as().body(Map.of("technicalInstructions", instructions + "\n\nSovitaan sitten uusi aika.",
                    "supportPhone", "+358 40 765 4321")).put(TEXTS).then().statusCode(200);
            Page c = join(clientWindow, id);
            Page s = join(specialistWindow, id);
            connected(c);
            connected(s);
            c.evaluate("() => { window.__watch.states.length = 0; }");

            // The specialist's side of the media path is gone; both pages stay in the call and nobody hangs up.
            s.evaluate("() => window.__watch.pcs.forEach(pc => pc.close())");

            Locator state = c.locator("#connection-state");
            PlaywrightAssertions.assertThat(state).hasAttribute("data-state", "reconnecting",
                    new LocatorAssertions.HasAttributeOptions().setTimeout(ICE_FAILS_MS));
            Locator problem = c.locator("#call-problem");
            PlaywrightAssertions.assertThat(problem).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(ICE_FAILS_MS));
            assertEquals(List.of("failed"), c.evaluate("() => window.__watch.pcs.map(pc => pc.connectionState)"),
                    "the notice came because the connection failed");
            PlaywrightAssertions.assertThat(state).hasText("Yhteys katkesi. Yhdistetään uudelleen…");
            PlaywrightAssertions.assertThat(problem.getByRole(AriaRole.HEADING)).hasText("Yhteys ei toimi");
            PlaywrightAssertions.assertThat(problem).containsText("Kokeile näitä: päivitä sivu");
            PlaywrightAssertions.assertThat(problem.locator("p", new Locator.LocatorOptions().setHasText(instructions)))
                    .hasText(instructions);
            PlaywrightAssertions.assertThat(problem).containsText("Sovitaan sitten uusi aika.");
            Locator phone = problem.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("+358 40 765 4321"));
            PlaywrightAssertions.assertThat(phone).hasAttribute("href", "tel:+358407654321");
            PlaywrightAssertions.assertThat(problem).containsText("Tekninen tuki: +358 40 765 4321");
            assertEquals(List.of("reconnecting"), c.evaluate("() => window.__watch.states"),
                    "what the client saw after the break, in order");
            BrowserSupport.assertAccessible(c);
        } finally {
            // Emptied fields go back to the defaults, for the other tests too.
            admin.as().body(Map.of()).put(TEXTS).then().statusCode(200);
        }
    }

    private long book(Api.Account specialist, Api.Account client) {
        return Calls.bookWithSuitablePeriod(specialist, client, OffsetDateTime.now(Dates.ZONE).plusMinutes(5).truncatedTo(ChronoUnit.SECONDS), "Yhteyden katkeaminen");
    }

    private Page join(BrowserContext window, long id) {
        Page p = window.newPage();
        p.addInitScript(CallJourneyTest.WATCH);
        p.navigate(base + "calls/" + id);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Liity vastaanotolle")).click();
        return p;
    }

    private static void connected(Page p) {
        PlaywrightAssertions.assertThat(p.locator("#connection-state")).hasAttribute("data-state", "connected",
                new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        p.waitForFunction("() => { const v = document.querySelector('#remote-videos video'); return v && v.videoWidth > 0 && !v.paused; }");
        PlaywrightAssertions.assertThat(p.locator("#call-problem")).isHidden();
    }
}
