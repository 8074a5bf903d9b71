package fi.askel.remote.call;

import fi.askel.identity.Caller;
import fi.askel.remote.CallWindow;
import fi.askel.remote.appointment.Appointment;
import fi.askel.remote.appointment.AppointmentMember;
import fi.askel.remote.appointment.AppointmentService;
import fi.askel.identity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * Who may be in a call, and what is kept of it. Only the appointment's client and specialist get in, only
 * while {@link CallWindow} says the call is open. Kept: when each first joined, when both were first in
 * the call together, when they last were, and for how long in all; never media or chat.
 */
@ApplicationScoped
public class CallGate {

    /**
     * A participant let in: the call, which side they are on, whether it is a group session, and who the
     * other one is in an individual call (the specialist, for a client in a group session).
     */
    public record Admission(Long appointmentId, boolean client, boolean group, String peerName, String topic,
            Instant startsAt, Instant endsAt, Instant closesAt) {}

    /** Null admission with the reason when refused. */
    public record Outcome(Admission admission, CallWindow.Refusal refusal, Instant opensAt) {}

    private final AppointmentService appointments;
    private final CallWindow window;

    public CallGate(AppointmentService appointments, CallWindow window) {
        this.appointments = appointments;
        this.window = window;
    }

    /** 404 ({@code ApiException}) for anyone but the two participants; otherwise in, or the reason not. */
    @Transactional
    public Outcome admit(Caller caller, Long appointmentId) {
        Appointment a = appointments.asParticipant(caller, appointmentId);
        CallWindow.Refusal refusal = window.refusal(a);
        if (refusal != null) {
            return new Outcome(null, refusal, window.opensAt(a));
        }
        boolean client = !a.specialistId.equals(caller.id());
        Long peerId = client ? a.specialistId : a.isGroup() ? null : a.clientId;
        String peerName = peerId == null ? "" : User.<User>findById(peerId).displayName;
        return new Outcome(new Admission(a.id, client, a.isGroup(), peerName, a.topic, a.startsAt, a.endsAt(),
                window.closesAt(a)), null, window.opensAt(a));
    }

    /** Someone joined: the first time each client and the specialist did is kept (per member in a group session). */
    @Transactional
    public void joined(Long appointmentId, Long userId, boolean client, Instant at) {
        String column = client ? "clientJoinedAt" : "specialistJoinedAt";
        Appointment.update(column + " = coalesce(" + column + ", ?1) where id = ?2", at, appointmentId);
        if (client) {
            AppointmentMember.update("joinedAt = coalesce(joinedAt, ?1) where appointmentId = ?2 and clientId = ?3",
                    at, appointmentId, userId);
        }
    }

    /** The specialist and a client are in the call together: it has taken place. */
    @Transactional
    public void together(Long appointmentId, Instant since) {
        Appointment.update("callStartedAt = coalesce(callStartedAt, ?1), callEndedAt = null where id = ?2", since, appointmentId);
    }

    /** The specialist or the last client left, after they had been in the call together since {@code since}. */
    @Transactional
    public void apart(Long appointmentId, Instant since, Instant until) {
        long seconds = Math.max(0, Duration.between(since, until).toSeconds());
        Appointment.update("callEndedAt = ?1, callSeconds = callSeconds + ?2 where id = ?3", until, (int) seconds, appointmentId);
    }
}
