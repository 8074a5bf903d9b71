package fi.askel.remote.appointment;

import java.util.List;

/**
 * Fired when a call is booked, moved or cancelled; the clients are told once the change is committed. {@code only}
 * names the clients to tell when not all of them (members added to or removed from a group session); null: all.
 */
public record AppointmentChanged(Long appointmentId, Kind kind, List<Long> only) {

    public enum Kind { BOOKED, MOVED, CANCELLED }

    public AppointmentChanged(Long appointmentId, Kind kind) {
        this(appointmentId, kind, null);
    }
}
