package fi.askel.remote.call;

import fi.askel.identity.AuthService;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Ends what must not go on in a call: every 30 seconds, connections whose sign-in has ended (signed out,
 * expired, account closed) are told and closed, and so are calls whose window has closed. The sign-in is
 * checked when the socket opens; this keeps a call from outliving it by more than half a minute.
 */
@ApplicationScoped
public class CallSweeper {

    private final CallRooms rooms;
    private final OpenConnections open;
    private final AuthService auth;
    private final Clock clock;

    public CallSweeper(CallRooms rooms, OpenConnections open, AuthService auth, Clock clock) {
        this.rooms = rooms;
        this.open = open;
        this.auth = auth;
        this.clock = clock;
    }

    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        List<CallRooms.Seat> seats = rooms.all();
        if (seats.isEmpty()) {
            return;
        }
        Set<String> live = auth.liveSessions(seats.stream().map(CallRooms.Seat::sessionId).filter(Objects::nonNull)
                .distinct().toList());
        for (CallRooms.Seat seat : seats) {
            if (seat.sessionId() != null && !live.contains(seat.sessionId())) {
                close(seat, "signed-out", 4401);
            }
        }
        for (CallRooms.Seat seat : rooms.overdue(clock.instant())) {
            close(seat, "ended", 4403);
        }
    }

    private void close(CallRooms.Seat seat, String type, int code) {
        open.findByConnectionId(seat.connectionId()).ifPresent(c -> {
            c.sendTextAndAwait("{\"type\":\"" + type + "\"}");
            c.closeAndAwait(new CloseReason(code, "signed-out".equals(type) ? type : "call-ended"));
        });
    }
}
