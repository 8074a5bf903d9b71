package fi.askel.browser;

import fi.askel.common.Dates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import fi.askel.support.Api;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A video call in two real Chromium windows with Chromium's fake camera and microphone: a Finnish client
 * checks their devices and waits, a Swedish-speaking specialist joins, both see the other's live video,
 * the client's network drops and comes back and the call restarts ICE and carries on, the client mutes and
 * turns the camera off and on and the specialist is told each time, a chat line goes across, the specialist hangs up and the
 * client is told. Every page on the way passes axe (fi and sv) with nothing refused by the CSP.
 */
@QuarkusTest
class CallJourneyTest extends BrowserJourney {

    /**
     * Watches the call page from outside, changing nothing in it: the offers it sends, its peer connections
     * and every connection state it shows (an init script runs before the page's own, outside its CSP).
     */
    static final String WATCH = """
            window.__watch = { offers: [], pcs: [], states: [] };
            (() => {
              const send = WebSocket.prototype.send;
              WebSocket.prototype.send = function (data) {
                try { const m = JSON.parse(data); if (m.type === 'offer') window.__watch.offers.push(m.sdp.sdp); } catch (e) {}
                return send.call(this, data);
              };
              const Original = window.RTCPeerConnection;
              window.RTCPeerConnection = function (config) {
                const pc = new Original(config);
                window.__watch.pcs.push(pc);
                return pc;
              };
              window.RTCPeerConnection.prototype = Original.prototype;
              document.addEventListener('DOMContentLoaded', () => {
                const el = document.getElementById('connection-state');
                if (el) {
                  new MutationObserver(() => window.__watch.states.push(el.dataset.state))
                      .observe(el, { attributes: true, attributeFilter: ['data-state'] });
                }
              });
            })();
            """;

    /** Video frames the page has decoded from the other person so far. */
    static final String FRAMES_DECODED = """
            async () => {
              let frames = 0;
              for (const pc of window.__watch.pcs) {
                if (pc.connectionState === 'closed') continue;
                (await pc.getStats()).forEach(r => { if (r.type === 'inbound-rtp' && r.kind === 'video') frames += r.framesDecoded || 0; });
              }
              return frames;
            }""";

    /** This journey's Chromium has a fake camera and microphone (JUnit runs BrowserJourney's start first, then this one). */
    @BeforeAll
    static void startBrowser() {
        chromium = BrowserSupport.shared(BrowserSupport.FAKE_MEDIA);
    }

    @Test
    void client_and_specialist_see_and_hear_each_other_and_the_call_is_recorded() {
        Api.Account specialist = Api.create("SPECIALIST", "sv");
        Api.Account client = Api.create("CLIENT", "fi");
        long periodId = specialist.as().body(Map.of("clientId", client.id(), "serviceType", "INDIVIDUAL",
                        "startsOn", Dates.today().minusDays(1).toString(), "endsOn", Dates.today().plusDays(30).toString()))
                .post("/api/v1/periods").then().statusCode(201).extract().jsonPath().getLong("id");
        Rehab.assessSuitable(specialist, periodId);
        String startsAt = OffsetDateTime.now(Dates.ZONE).plusMinutes(5).truncatedTo(ChronoUnit.SECONDS).toString();
        long id = specialist.as().body(Map.of("clientId", client.id(), "startsAt", startsAt, "durationMinutes", 30,
                        "topic", "Tavoitteiden tarkistus"))
                .post("/api/v1/appointments").then().statusCode(201).extract().jsonPath().getLong("id");

        try (BrowserContext clientWindow = chromium.signedIn("fi-FI", client.username(), base);
                BrowserContext specialistWindow = chromium.signedIn("sv-FI", specialist.username(), base)) {
            Page c = clientWindow.newPage();
            c.addInitScript(WATCH);
            c.navigate(base + "");
            c.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Liity vastaanotolle")).first().click();
            c.waitForURL(base + "calls/" + id);
            BrowserSupport.assertAccessible(c);
            c.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Käynnistä kamera ja mikrofoni")).click();
            PlaywrightAssertions.assertThat(c.locator("#device-status")).hasText("Kamera ja mikrofoni toimivat.");
            c.waitForFunction("() => document.getElementById('preview').videoWidth > 0");
            BrowserSupport.assertAccessible(c);
            c.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Liity vastaanotolle")).click();
            PlaywrightAssertions.assertThat(c.locator("#connection-state")).hasAttribute("data-state", "waiting");
            PlaywrightAssertions.assertThat(c.locator("#connection-state")).hasText(
                    "Odotetaan, että Test " + specialist.username() + " liittyy…");

            Page s = specialistWindow.newPage();
            s.addInitScript(WATCH);
            s.navigate(base + "calls/" + id);
            BrowserSupport.assertAccessible(s);
            // Being in the call keeps the sign-in alive (no idle sign-out in the middle of a long call).
            com.microsoft.playwright.Response keptAlive = s.waitForResponse(
                    r -> r.url().endsWith("/api/v1/auth/keep-alive") && r.request().method().equals("POST"),
                    new Page.WaitForResponseOptions().setTimeout(90_000),
                    () -> s.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anslut till mottagningen")).click());
            assertEquals(200, keptAlive.status(), "keep-alive while in the call");

            PlaywrightAssertions.assertThat(s.locator("#connection-state")).hasAttribute("data-state", "connected");
            PlaywrightAssertions.assertThat(c.locator("#connection-state")).hasAttribute("data-state", "connected");
            PlaywrightAssertions.assertThat(s.locator("#connection-state")).hasText("Förbindelsen fungerar");
            s.waitForFunction("() => { const v = document.querySelector('#remote-videos video'); return v && v.videoWidth > 0 && !v.paused; }");
            c.waitForFunction("() => { const v = document.querySelector('#remote-videos video'); return v && v.videoWidth > 0 && !v.paused; }");
            BrowserSupport.assertAccessible(s);
            BrowserSupport.assertAccessible(c);

            // The client's network drops and comes back (Wi-Fi to mobile data): they see "reconnecting" at once,
            // their browser asks the specialist's (the offering side) for an ICE restart, a new offer with new ICE
            // credentials comes, the client sees "connected" again and the video keeps coming.
            c.evaluate("() => { window.__watch.states.length = 0; window.dispatchEvent(new Event('offline')); }");
            PlaywrightAssertions.assertThat(c.locator("#connection-state")).hasAttribute("data-state", "reconnecting");
            PlaywrightAssertions.assertThat(c.locator("#connection-state")).hasText("Yhteys katkesi. Yhdistetään uudelleen…");
            c.evaluate("() => window.dispatchEvent(new Event('online'))");
            s.waitForFunction("() => window.__watch.offers.length >= 2");
            @SuppressWarnings("unchecked")
            java.util.List<String> offers = (java.util.List<String>) s.evaluate("() => window.__watch.offers");
            assertNotEquals(iceUfrag(offers.get(0)), iceUfrag(offers.get(offers.size() - 1)),
                    "the new offer restarts ICE (new credentials)");
            PlaywrightAssertions.assertThat(c.locator("#connection-state")).hasAttribute("data-state", "connected");
            @SuppressWarnings("unchecked")
            java.util.List<String> shown = (java.util.List<String>) c.evaluate("() => window.__watch.states");
            assertEquals(java.util.List.of("reconnecting", "connected"), shown, "what the client saw, in order");
            int frames = ((Number) c.evaluate(FRAMES_DECODED)).intValue();
            c.waitForFunction("async frames => (await (" + FRAMES_DECODED + ")()) > frames + 10", frames);
            PlaywrightAssertions.assertThat(s.locator("#connection-state")).hasAttribute("data-state", "connected");

            c.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sulje mikrofoni")).click();
            PlaywrightAssertions.assertThat(c.locator("#mute")).hasAttribute("aria-pressed", "true");
            PlaywrightAssertions.assertThat(s.locator("#peer-media")).hasText(
                    "Test " + client.username() + " har stängt av sin mikrofon.");
            c.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sulje kamera")).click();
            PlaywrightAssertions.assertThat(c.locator("#camera")).hasAttribute("aria-pressed", "true");
            PlaywrightAssertions.assertThat(s.locator("#peer-media")).hasText(
                    "Test " + client.username() + " har stängt av sin kamera och mikrofon.");
            c.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Avaa kamera")).click();
            PlaywrightAssertions.assertThat(c.locator("#camera")).hasAttribute("aria-pressed", "false");
            PlaywrightAssertions.assertThat(s.locator("#peer-media")).hasText(
                    "Test " + client.username() + " har stängt av sin mikrofon.");

            s.getByLabel("Skriv ett meddelande").fill("Hej! Hörs jag?");
            s.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skicka")).click();
            PlaywrightAssertions.assertThat(c.locator("#chat-log")).containsText("Hej! Hörs jag?");

            s.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Avsluta mottagningen")).click();
            PlaywrightAssertions.assertThat(c.locator("#call-ended")).isVisible();
            PlaywrightAssertions.assertThat(c.locator("#ended-text")).hasText(
                    "Test " + specialist.username() + " lopetti vastaanoton.");
            BrowserSupport.assertAccessible(c);
        }
        var attendance = client.as().get("/api/v1/appointments/" + id).then().statusCode(200).extract().jsonPath();
        assertTrue(attendance.getBoolean("attendance.tookPlace"), "the call is recorded as having taken place");
        assertEquals(true, attendance.getString("attendance.clientJoinedAt") != null);
        assertEquals(true, attendance.getString("attendance.specialistJoinedAt") != null);
    }

    private static String iceUfrag(String sdp) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("a=ice-ufrag:(\\S+)").matcher(sdp);
        assertTrue(m.find(), sdp);
        return m.group(1);
    }

    @Test
    void a_group_session_connects_everyone_to_everyone() {
        Api.Account specialist = Api.create("SPECIALIST", "fi");
        java.util.List<Api.Account> clients = java.util.List.of(Api.create("CLIENT", "fi"), Api.create("CLIENT", "sv"));
        for (Api.Account client : clients) {
            Rehab.suitablePeriod(specialist, Map.of("clientId", client.id(), "serviceType", "REHAB_COURSE",
                            "startsOn", Dates.today().minusDays(1).toString(), "endsOn", Dates.today().plusDays(30).toString()));
        }
        String startsAt = OffsetDateTime.now(Dates.ZONE).plusMinutes(5).truncatedTo(ChronoUnit.SECONDS).toString();
        long id = specialist.as().body(Map.of("clientIds", clients.stream().map(Api.Account::id).toList(), "startsAt", startsAt,
                        "durationMinutes", 45, "topic", "Ryhmätapaaminen"))
                .post("/api/v1/appointments").then().statusCode(201).extract().jsonPath().getLong("id");

        try (BrowserContext sw = chromium.signedIn("fi-FI", specialist.username(), base);
                BrowserContext aw = chromium.signedIn("fi-FI", clients.get(0).username(), base);
                BrowserContext bw = chromium.signedIn("sv-FI", clients.get(1).username(), base)) {
            Page s = sw.newPage();
            s.addInitScript(WATCH);
            s.addInitScript(CallRestartJourneyTest.SDP_ERRORS);
            s.navigate(base + "calls/" + id);
            s.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Liity vastaanotolle")).click();
            Page a = aw.newPage();
            a.addInitScript(WATCH);
            a.addInitScript(CallRestartJourneyTest.SDP_ERRORS);
            a.navigate(base + "calls/" + id);
            a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Liity vastaanotolle")).click();
            Page b = bw.newPage();
            b.addInitScript(WATCH);
            b.addInitScript(CallRestartJourneyTest.SDP_ERRORS);
            b.navigate(base + "calls/" + id);
            BrowserSupport.assertAccessible(b);
            b.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anslut till mottagningen")).click();
            String twoPlaying = "() => { const v = [...document.querySelectorAll('#remote-videos video')];"
                    + " return v.length === 2 && v.every(x => x.videoWidth > 0 && !x.paused); }";
            for (Page p : java.util.List.of(s, a, b)) {
                p.waitForFunction(twoPlaying);
                PlaywrightAssertions.assertThat(p.locator("#connection-state")).hasAttribute("data-state", "connected");
            }
            BrowserSupport.assertAccessible(b);

            // Everyone's network changes at once (the course room's Wi-Fi comes back): each pair restarts ICE once,
            // offered by its offering side (the specialist to each client, the first client to the second), and
            // everyone is back in the session. The second client never offers to anyone.
            for (Page p : java.util.List.of(b, a, s)) {
                p.evaluate("() => { window.__watch.states.length = 0; window.dispatchEvent(new Event('online')); }");
            }
            for (Page p : java.util.List.of(s, a, b)) {
                p.waitForFunction("() => window.__watch.states.join() === 'reconnecting,connected'");
                p.waitForFunction(twoPlaying);
                assertEquals(java.util.List.of(), p.evaluate("() => window.__sdpErrors"), "no offer or answer was refused");
                PlaywrightAssertions.assertThat(p.locator("#call-problem")).isHidden();
            }
            assertEquals(0, ((Number) b.evaluate("() => window.__watch.offers.length")).intValue(), "the second client never offers");
            assertTrue(((Number) a.evaluate("() => window.__watch.offers.length")).intValue() >= 2,
                    "the first client offered to the second, and again to restart");

            // A client leaving does not end the session for the others.
            a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lopeta vastaanotto")).click();
            b.waitForFunction("() => document.querySelectorAll('#remote-videos video').length === 1");
            PlaywrightAssertions.assertThat(b.locator("#peer-media")).hasText("Test " + clients.get(0).username()
                    + " lämnade mottagningen.");
            PlaywrightAssertions.assertThat(b.locator("#connection-state")).hasAttribute("data-state", "connected");
            // The specialist ending it ends it for everyone.
            s.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lopeta vastaanotto")).click();
            PlaywrightAssertions.assertThat(b.locator("#call-ended")).isVisible();
        }
    }
}
