package fi.askel.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.askel.remote.call.CallSweeper;
import fi.askel.support.Rehab;
import fi.askel.support.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signing out ends one's part in a call already going on (the socket's sign-in is checked again every 30 s), and
 * a call still going when its window closes (the planned end and the grace period) is ended for both.
 */
@QuarkusTest
class CallSignOutTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    CallSweeper sweeper;

    @Inject
    TestClock clock;

    @Test
    void a_participant_who_signs_out_is_closed_out_of_the_call_and_the_other_is_told() {
        Rehab.Team team = Rehab.team();
        long id = Calls.book(team.specialist(), team.client().id(), Calls.in(Duration.ofMinutes(10)));
        try (Signal specialist = Signal.open(base, id, team.specialist().token(), "specialist")) {
            specialist.next("welcome");
            try (Signal client = Signal.open(base, id, team.client().token(), "client")) {
                client.next("welcome");
                specialist.next("peer-joined");

                sweeper.sweep();
                client.expectNothing();

                team.client().as().post("/api/v1/auth/logout").then().statusCode(204);
                sweeper.sweep();
                client.next("signed-out");
                assertEquals(4401, client.closeCode());
                specialist.next("peer-left");
                specialist.expectNothing();
            }
        }
    }

    @Test
    void a_call_still_going_when_its_window_closes_is_ended_for_both() {
        Rehab.Team team = Rehab.team();
        // Starts in 10 minutes, lasts 30, can go on 15 more: the window closes in 55 minutes.
        long id = Calls.book(team.specialist(), team.client().id(), Calls.in(Duration.ofMinutes(10)), 30, "Loppuu ajallaan");
        // The client opens only once the specialist is seated: a handshake is answered before the
        // server's open handler runs, so two sockets opened back to back may be seated in either order.
        try (Signal specialist = Signal.open(base, id, team.specialist().token(), "specialist");
                Signal client = specialist.thenOpen("welcome", base, id, team.client().token(), "client")) {
            client.next("welcome");
            specialist.next("peer-joined");

            clock.advance(Duration.ofMinutes(50));
            sweeper.sweep();
            specialist.expectNothing();
            client.expectNothing();

            clock.advance(Duration.ofMinutes(7));
            sweeper.sweep();
            for (Signal side : java.util.List.of(specialist, client)) {
                Map<String, Object> m = side.next();
                if ("peer-left".equals(m.get("type"))) {
                    m = side.next(); // the other was closed a moment earlier
                }
                assertEquals("ended", m.get("type"), side.who + " received " + m);
                assertEquals(4403, side.closeCode());
            }
        }
    }
}
