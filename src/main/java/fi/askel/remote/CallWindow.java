package fi.askel.remote;

import fi.askel.remote.appointment.Appointment;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a call can be joined: from {@code askel.calls.join-before-minutes} before the start to
 * {@code askel.calls.grace-minutes} after the planned end. The same rule for the call page, the API
 * and the signalling socket.
 */
@ApplicationScoped
public class CallWindow {

    /** Why a call cannot be joined now; each has a message {@code remote.call.refused.<name>}. */
    public enum Refusal {
        CANCELLED("appointment-cancelled"), TOO_EARLY("call-not-open"), ENDED("call-ended");

        public final String problemType;

        Refusal(String problemType) {
            this.problemType = problemType;
        }
    }

    private final RemoteConfig config;
    private final Clock clock;

    public CallWindow(RemoteConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public Instant opensAt(Appointment a) {
        return a.startsAt.minus(Duration.ofMinutes(config.joinBeforeMinutes()));
    }

    public Instant closesAt(Appointment a) {
        return a.endsAt().plus(Duration.ofMinutes(config.graceMinutes()));
    }

    /** Null when the call can be joined now. */
    public Refusal refusal(Appointment a) {
        Instant now = clock.instant();
        if (a.status == Appointment.Status.CANCELLED) {
            return Refusal.CANCELLED;
        }
        if (now.isBefore(opensAt(a))) {
            return Refusal.TOO_EARLY;
        }
        if (now.isAfter(closesAt(a))) {
            return Refusal.ENDED;
        }
        return null;
    }

    public Instant now() {
        return clock.instant();
    }
}
