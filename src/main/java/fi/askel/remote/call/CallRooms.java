package fi.askel.remote.call;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Who is connected to which call on this instance: one connection per person (a reload or a second tab
 * replaces the earlier one). The load balancer sends everyone in a call to the same instance (README:
 * hash on the path); media never passes here, only the messages that set it up. A call is "together"
 * while the specialist and at least one client are in it; that is what attendance counts.
 */
@ApplicationScoped
public class CallRooms {

    /** One participant's signalling connection, and the sign-in it was opened with. */
    public record Seat(String connectionId, Long userId, boolean client, String name, String sessionId) {}

    /** What changed when someone joined: the connection they replaced (to close), who else is there, and
     * when the call became "together" if this join made it so (else null). */
    public record Joined(Seat replaced, List<Seat> others, Instant togetherFrom) {}

    /** What changed when someone left: who they were, who is still there, and since when the call had been
     * together if this leave ended that (else null). */
    public record Left(Seat seat, List<Seat> others, Instant togetherSince) {}

    private static final class Room {
        final Map<Long, Seat> seats = new LinkedHashMap<>();
        Instant togetherSince;
        Instant closesAt;

        boolean together() {
            return seats.values().stream().anyMatch(Seat::client) && seats.values().stream().anyMatch(s -> !s.client());
        }

        List<Seat> othersThan(Long userId) {
            return seats.values().stream().filter(s -> !s.userId().equals(userId)).toList();
        }
    }

    private final Map<Long, Room> rooms = new ConcurrentHashMap<>();

    /**
     * Seats someone and, still holding the call, lets {@code welcome} tell them who is there: no one who joins
     * at the same moment can reach them (with "peer-joined" or an offer) before their welcome has gone out.
     */
    public Joined join(Long appointmentId, Seat seat, Instant now, Instant closesAt, Consumer<Joined> welcome) {
        while (true) {
            Room room = rooms.computeIfAbsent(appointmentId, k -> new Room());
            synchronized (room) {
                if (rooms.get(appointmentId) != room) {
                    continue; // the last one in it left meanwhile and took it away: seat them in a new one
                }
                room.closesAt = closesAt;
                Seat replaced = room.seats.put(seat.userId(), seat);
                Instant from = null;
                if (room.togetherSince == null && room.together()) {
                    room.togetherSince = now;
                    from = now;
                }
                Joined joined = new Joined(replaced, room.othersThan(seat.userId()), from);
                welcome.accept(joined);
                return joined;
            }
        }
    }

    /** Null when the connection no longer holds a seat (it was replaced). */
    public Left leave(Long appointmentId, String connectionId) {
        Room room = rooms.get(appointmentId);
        if (room == null) {
            return null;
        }
        synchronized (room) {
            Seat seat = room.seats.values().stream().filter(s -> s.connectionId().equals(connectionId)).findFirst().orElse(null);
            if (seat == null) {
                return null;
            }
            room.seats.remove(seat.userId());
            Instant since = null;
            if (room.togetherSince != null && !room.together()) {
                since = room.togetherSince;
                room.togetherSince = null;
            }
            if (room.seats.isEmpty()) {
                rooms.remove(appointmentId, room);
            }
            return new Left(seat, room.othersThan(seat.userId()), since);
        }
    }

    /** The seat of this connection (null when it holds none). */
    public Seat seatOf(Long appointmentId, String connectionId) {
        Room room = rooms.get(appointmentId);
        if (room == null) {
            return null;
        }
        synchronized (room) {
            return room.seats.values().stream().filter(s -> s.connectionId().equals(connectionId)).findFirst().orElse(null);
        }
    }

    /** Everyone else in the call. */
    public List<Seat> othersOf(Long appointmentId, Long userId) {
        Room room = rooms.get(appointmentId);
        if (room == null) {
            return List.of();
        }
        synchronized (room) {
            return room.othersThan(userId);
        }
    }

    /** Every connection in every call on this instance. */
    public List<Seat> all() {
        List<Seat> seats = new ArrayList<>();
        for (Room room : rooms.values()) {
            synchronized (room) {
                seats.addAll(room.seats.values());
            }
        }
        return seats;
    }

    /** Connections of calls whose window has closed. */
    public List<Seat> overdue(Instant now) {
        List<Seat> seats = new ArrayList<>();
        for (Room room : rooms.values()) {
            synchronized (room) {
                if (room.closesAt != null && now.isAfter(room.closesAt)) {
                    seats.addAll(room.seats.values());
                }
            }
        }
        return seats;
    }
}
