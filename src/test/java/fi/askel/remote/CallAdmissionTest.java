package fi.askel.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Rehab;
import fi.askel.support.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who gets into a call's signalling socket over a real WebSocket, and how everyone else is refused. */
@QuarkusTest
class CallAdmissionTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestClock clock;

    @Test
    void without_credentials_the_upgrade_is_refused_with_401() {
        Rehab.Team team = Rehab.team();
        long id = Calls.soon(team);
        Signal.Refusal anonymous = Signal.refusedHandshake(base, id, null);
        assertEquals(401, anonymous.status(), anonymous.toString());
        Signal.Refusal forged = Signal.refusedHandshake(base, id, "not-a-token");
        assertEquals(401, forged.status(), forged.toString());
    }

    @Test
    void people_other_than_the_participants_are_refused_as_not_found() {
        Rehab.Team team = Rehab.team();
        Rehab.Team other = Rehab.team();
        Api.Account colleague = Api.create("SPECIALIST");
        team.specialist().as().body(Map.of("userId", colleague.id()))
                .post("/api/v1/periods/" + team.periodId() + "/specialists").then().statusCode(200);
        long id = Calls.soon(team);
        for (Api.Account stranger : List.of(other.client(), other.specialist(), colleague)) {
            try (Signal s = Signal.open(base, id, stranger.token(), stranger.username())) {
                Map<String, Object> refused = s.next("refused");
                assertEquals("not-found", refused.get("reason"));
                assertEquals("Tätä videovastaanottoa ei löytynyt, tai se ei ole sinun.", refused.get("message"));
                assertEquals(4404, s.closeCode());
            }
        }
        try (Signal s = Signal.open(base, Long.MAX_VALUE, team.client().token(), "client")) {
            s.expectRefused("not-found", 4404);
        }
        try (Signal s = Signal.open(base, 0, team.client().token(), "client")) {
            // /calls/abc/signal would not name a call either
            s.expectRefused("not-found", 4404);
        }
    }

    @Test
    void too_early_is_refused_in_the_users_language() {
        Rehab.Team team = Rehab.team();
        OffsetDateTime start = Calls.in(Duration.ofHours(2));
        long id = Calls.book(team.specialist(), team.client().id(), start);
        String opens = DateTimeFormatter.ofPattern("d.M.yyyy 'klo' H.mm").format(start.minusMinutes(15).atZoneSameInstant(Calls.HELSINKI));
        try (Signal s = Signal.open(base, id, team.client().token(), "client")) {
            Map<String, Object> refused = s.next("refused");
            assertEquals("call-not-open", refused.get("reason"));
            assertEquals("Vastaanotto ei ole vielä alkanut. Voit liittyä " + opens + " alkaen.", refused.get("message"));
            assertEquals(4403, s.closeCode());
        }

        Api.Account swede = Api.create("CLIENT", "sv");
        Rehab.suitablePeriod(team.specialist(), Map.of("clientId", swede.id(), "serviceType", "INDIVIDUAL",
                        "startsOn", start.toLocalDate().toString(), "endsOn", start.toLocalDate().plusDays(1).toString()));
        long svId = Calls.book(team.specialist(), swede.id(), start.plusHours(2));
        try (Signal s = Signal.open(base, svId, swede.token(), "swede")) {
            Map<String, Object> refused = s.next("refused");
            assertEquals("call-not-open", refused.get("reason"));
            assertTrue(((String) refused.get("message")).startsWith("Mottagningen har inte börjat ännu."), refused.toString());
            assertEquals(4403, s.closeCode());
        }
    }

    @Test
    void after_the_end_the_call_is_refused_as_ended() {
        Rehab.Team team = Rehab.team();
        OffsetDateTime start = Calls.in(Duration.ofMinutes(11));
        long id = Calls.book(team.specialist(), team.client().id(), start, 20, "Lyhyt");
        clock.advance(Duration.between(OffsetDateTime.now(), start.plusMinutes(36)));
        try (Signal s = Signal.open(base, id, team.specialist().token(), "specialist")) {
            Map<String, Object> refused = s.next("refused");
            assertEquals("call-ended", refused.get("reason"));
            assertEquals("Tämä videovastaanotto on jo päättynyt.", refused.get("message"));
            assertEquals(4403, s.closeCode());
        }
    }

    @Test
    void a_cancelled_call_is_refused_as_cancelled() {
        Rehab.Team team = Rehab.team();
        long id = Calls.soon(team);
        Calls.cancel(team.specialist(), id, "Peruttu");
        try (Signal s = Signal.open(base, id, team.client().token(), "client")) {
            Map<String, Object> refused = s.next("refused");
            assertEquals("appointment-cancelled", refused.get("reason"));
            assertEquals("Tämä videovastaanotto on peruttu.", refused.get("message"));
            assertEquals(4403, s.closeCode());
        }
    }

    @Test
    void a_page_on_another_site_cannot_open_the_socket() {
        Rehab.Team team = Rehab.team();
        long id = Calls.soon(team);
        try (Signal s = Signal.open(base, id, team.client().token(), "client", "https://evil.example")) {
            s.expectRefused("not-signed-in", 4401);
        }
    }
}
