package fi.askel.remote.call;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is connected to which call on this instance: at most one connection per side (a reload or a second
 * tab replaces the earlier one). The load balancer sends both participants of a call to the same instance
 * (README: hash on the path); media never passes here, only the messages that set it up.
 */
@ApplicationScoped
public class CallRooms {

    /** One participant's signalling connection. */
    public record Seat(String connectionId, boolean client, String name) {}

    /** What changed when someone joined: the connection they replaced (to close) and who is already there. */
    public record Joined(Seat replaced, Seat peer, Instant togetherSince) {}

    /** What changed when someone left: who is still there, and since when both had been together (null if not). */
    public record Left(Seat peer, Instant togetherSince) {}

    private static final class Room {
        Seat client;
        Seat specialist;
        Instant togetherSince;
        Instant closesAt;
    }

    private final Map<Long, Room> rooms = new ConcurrentHashMap<>();

    public Joined join(Long appointmentId, Seat seat, Instant now, Instant closesAt) {
        Room room = rooms.computeIfAbsent(appointmentId, k -> new Room());
        synchronized (room) {
            room.closesAt = closesAt;
            Seat replaced = seat.client() ? room.client : room.specialist;
            if (seat.client()) {
                room.client = seat;
            } else {
                room.specialist = seat;
            }
            Seat peer = seat.client() ? room.specialist : room.client;
            if (peer != null && room.togetherSince == null) {
                room.togetherSince = now;
            }
            return new Joined(replaced, peer, room.togetherSince);
        }
    }

    /** Null when the connection no longer holds a seat (it was replaced). */
    public Left leave(Long appointmentId, String connectionId) {
        Room room = rooms.get(appointmentId);
        if (room == null) {
            return null;
        }
        synchronized (room) {
            Seat peer;
            if (room.client != null && room.client.connectionId().equals(connectionId)) {
                room.client = null;
                peer = room.specialist;
            } else if (room.specialist != null && room.specialist.connectionId().equals(connectionId)) {
                room.specialist = null;
                peer = room.client;
            } else {
                return null;
            }
            Instant since = room.togetherSince;
            room.togetherSince = null;
            if (peer == null) {
                rooms.remove(appointmentId, room);
            }
            return new Left(peer, since);
        }
    }

    /** The other side's seat for a connection of this call (null when they are not connected). */
    public Seat peerOf(Long appointmentId, String connectionId) {
        Room room = rooms.get(appointmentId);
        if (room == null) {
            return null;
        }
        synchronized (room) {
            if (room.client != null && room.client.connectionId().equals(connectionId)) {
                return room.specialist;
            }
            if (room.specialist != null && room.specialist.connectionId().equals(connectionId)) {
                return room.client;
            }
            return null;
        }
    }

    /** Connections of calls whose window has closed. */
    public List<Seat> overdue(Instant now) {
        return rooms.values().stream().filter(r -> r.closesAt != null && now.isAfter(r.closesAt))
                .flatMap(r -> {
                    synchronized (r) {
                        return java.util.stream.Stream.of(r.client, r.specialist).filter(java.util.Objects::nonNull).toList().stream();
                    }
                }).toList();
    }
}
