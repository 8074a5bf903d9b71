package fi.askel.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.askel.remote.call.CallSweeper;
import fi.askel.support.Rehab;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Signing out ends one's part in a call already going on (the socket's sign-in is checked again every 30 s). */
@QuarkusTest
class CallSignOutTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    CallSweeper sweeper;

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
}
