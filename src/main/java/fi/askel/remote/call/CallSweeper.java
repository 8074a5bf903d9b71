package fi.askel.remote.call;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Ends calls still going on when their window closes: both are told, and the sockets close. */
@ApplicationScoped
public class CallSweeper {

    private final CallRooms rooms;
    private final OpenConnections open;
    private final Clock clock;

    public CallSweeper(CallRooms rooms, OpenConnections open, Clock clock) {
        this.rooms = rooms;
        this.open = open;
        this.clock = clock;
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeOverdue() {
        for (CallRooms.Seat seat : rooms.overdue(clock.instant())) {
            open.findByConnectionId(seat.connectionId()).ifPresent(c -> {
                c.sendTextAndAwait("{\"type\":\"ended\"}");
                c.closeAndAwait(new CloseReason(4403, "call-ended"));
            });
        }
    }
}
