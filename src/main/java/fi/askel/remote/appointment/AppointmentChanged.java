package fi.askel.remote.appointment;

/** Fired when a call is booked, moved or cancelled; the client is told once the change is committed. */
public record AppointmentChanged(Long appointmentId, Kind kind) {

    public enum Kind { BOOKED, MOVED, CANCELLED }
}
