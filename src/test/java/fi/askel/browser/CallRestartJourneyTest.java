package fi.askel.browser;

import fi.askel.common.Dates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import fi.askel.remote.Calls;
import fi.askel.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The automatic ICE restart of a call in progress, in two real Chromium windows with fake media, from the sides
 * {@link CallJourneyTest} leaves out: the specialist's (the offering side's) network changes, told by the
 * browser's Network Information {@code change} event, and then both browsers notice a new network at the same
 * moment ({@code online}). Each time what the person sees goes to "reconnecting" and back to "connected", both
 * browsers end up with new ICE credentials, the other's video keeps coming, only the specialist makes offers
 * (one restart at a time: no offer crosses another's answer) and no description is refused.
 *
 * <p>Not driven here: a connection that really goes {@code failed} or {@code disconnected}. On one machine the
 * two browsers reach each other over loopback, which a test cannot take away from Chromium without root
 * (firewall rules shared with the other processes on the machine); that path calls the same {@code restartIce}.
 */
@QuarkusTest
class CallRestartJourneyTest extends BrowserJourney {

    /** Every offer or answer the page's connections refused (a crossed offer shows up here), outside the page's CSP. */
    static final String SDP_ERRORS = """
            window.__sdpErrors = [];
            for (const name of ['setLocalDescription', 'setRemoteDescription']) {
              const original = RTCPeerConnection.prototype[name];
              RTCPeerConnection.prototype[name] = function (...args) {
                return original.apply(this, args).catch(e => { window.__sdpErrors.push(name + ': ' + e.message); throw e; });
              };
            }
            """;

    /** The ICE username fragment of each open connection's local description (what a restart changes). */
    static final String LOCAL_UFRAGS = """
            () => window.__watch.pcs.filter(pc => pc.connectionState !== 'closed' && pc.currentLocalDescription)
                .map(pc => pc.currentLocalDescription.sdp.match(/a=ice-ufrag:(\\S+)/)[1])""";

    /** This journey's Chromium has a fake camera and microphone (JUnit runs BrowserJourney's start first, then this one). */
    @BeforeAll
    static void startBrowser() {
        chromium = BrowserSupport.shared(BrowserSupport.FAKE_MEDIA);
    }

    @Test
    void a_network_change_on_either_side_or_both_restarts_ice_once_and_the_call_carries_on() {
        Api.Account specialist = Api.create("SPECIALIST", "fi");
        Api.Account client = Api.create("CLIENT", "fi");
        long id = Calls.bookWithSuitablePeriod(specialist, client, OffsetDateTime.now(Dates.ZONE).plusMinutes(5).truncatedTo(ChronoUnit.SECONDS), "Verkon vaihto");

        try (BrowserContext clientWindow = chromium.signedIn("fi-FI", client.username(), base);
                BrowserContext specialistWindow = chromium.signedIn("fi-FI", specialist.username(), base)) {
            Page c = join(clientWindow, id);
            Page s = join(specialistWindow, id);
            for (Page p : List.of(s, c)) {
                PlaywrightAssertions.assertThat(p.locator("#connection-state")).hasAttribute("data-state", "connected");
                p.waitForFunction("() => { const v = document.querySelector('#remote-videos video'); return v && v.videoWidth > 0 && !v.paused; }");
            }

            // The specialist's laptop moves from Wi-Fi to a phone's hotspot: Chromium tells the page through
            // navigator.connection. The specialist's browser offers an ICE restart itself, without being asked.
            assertEquals(Boolean.TRUE, s.evaluate("() => !!(navigator.connection && navigator.connection.addEventListener)"),
                    "this Chromium has the Network Information API the page listens to");
            restart(s, c, List.of(s), () -> s.evaluate("() => navigator.connection.dispatchEvent(new Event('change'))"));

            // Both notice a new network at once (the client's first, the specialist's a moment later): the client
            // asks for a restart while the specialist's own restart offer is out; that offer is the restart.
            restart(s, c, List.of(s, c), () -> {
                c.evaluate("() => window.dispatchEvent(new Event('online'))");
                s.evaluate("() => window.dispatchEvent(new Event('online'))");
            });

            assertEquals(0, ((Number) c.evaluate("() => window.__watch.offers.length")).intValue(),
                    "the client never offers: in a pair only one side does");
            for (Page p : List.of(s, c)) {
                assertEquals(List.of(), p.evaluate("() => window.__sdpErrors"), "no offer or answer was refused");
                PlaywrightAssertions.assertThat(p.locator("#call-problem")).isHidden();
                PlaywrightAssertions.assertThat(p.locator("#connection-state")).hasText("Yhteys toimii");
            }
        }
    }

    private Page join(BrowserContext window, long id) {
        Page p = window.newPage();
        p.addInitScript(CallJourneyTest.WATCH);
        p.addInitScript(SDP_ERRORS);
        p.navigate(base + "calls/" + id);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Liity vastaanotolle")).click();
        return p;
    }

    /**
     * Runs the network change, then: each page in {@code noticed} showed "reconnecting" and then "connected"
     * and nothing else, both pages' ICE credentials are new, both see "connected" and go on decoding the
     * other's video.
     */
    private static void restart(Page s, Page c, List<Page> noticed, Runnable networkChange) {
        String specialistBefore = onlyUfrag(s);
        String clientBefore = onlyUfrag(c);
        int offersBefore = ((Number) s.evaluate("() => window.__watch.offers.length")).intValue();
        int sFrames = ((Number) s.evaluate(CallJourneyTest.FRAMES_DECODED)).intValue();
        int cFrames = ((Number) c.evaluate(CallJourneyTest.FRAMES_DECODED)).intValue();
        for (Page p : List.of(s, c)) {
            p.evaluate("() => { window.__watch.states.length = 0; }");
        }

        networkChange.run();

        s.waitForFunction("n => window.__watch.offers.length > n", offersBefore);
        @SuppressWarnings("unchecked")
        List<String> offers = (List<String>) s.evaluate("() => window.__watch.offers");
        String restartOffer = offers.get(offersBefore);
        assertTrue(restartOffer.contains("a=ice-ufrag:") && !restartOffer.contains("a=ice-ufrag:" + specialistBefore),
                "the specialist's new offer carries new ICE credentials");
        s.waitForFunction("old => { const u = (" + LOCAL_UFRAGS + ")(); return u.length === 1 && u[0] !== old; }", specialistBefore);
        c.waitForFunction("old => { const u = (" + LOCAL_UFRAGS + ")(); return u.length === 1 && u[0] !== old; }", clientBefore);
        assertNotEquals(specialistBefore, onlyUfrag(s));
        assertNotEquals(clientBefore, onlyUfrag(c));
        for (Page p : List.of(s, c)) {
            PlaywrightAssertions.assertThat(p.locator("#connection-state")).hasAttribute("data-state", "connected");
            p.waitForFunction("() => { const v = document.querySelector('#remote-videos video'); return v && v.videoWidth > 0 && !v.paused; }");
        }
        s.waitForFunction("async frames => (await (" + CallJourneyTest.FRAMES_DECODED + ")()) > frames + 10", sFrames);
        c.waitForFunction("async frames => (await (" + CallJourneyTest.FRAMES_DECODED + ")()) > frames + 10", cFrames);
        for (Page p : noticed) {
            assertEquals(List.of("reconnecting", "connected"), p.evaluate("() => window.__watch.states"),
                    "what the person whose network changed saw, in order");
        }
    }

    private static String onlyUfrag(Page p) {
        @SuppressWarnings("unchecked")
        List<String> ufrags = (List<String>) p.evaluate(LOCAL_UFRAGS);
        assertEquals(1, ufrags.size(), "one open connection with a local description: " + ufrags);
        return ufrags.get(0);
    }
}
