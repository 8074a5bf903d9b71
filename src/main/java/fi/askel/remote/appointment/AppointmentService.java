package fi.askel.remote.appointment;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.privacy.AccessKind;
import fi.askel.privacy.AccessLog;
import fi.askel.rehab.PeriodService;
import fi.askel.rehab.RehabAccess;
import fi.askel.rehab.RemoteWorkGate;
import fi.askel.remote.appointment.AppointmentRequests.CreateAppointmentRequest;
import fi.askel.remote.appointment.AppointmentRequests.UpdateAppointmentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Booking video calls. A specialist books with a client whose rehabilitation they are responsible for,
 * moves or cancels their own calls; the client and every specialist following the client see them, an
 * admin sees all. Anyone else is answered as if the call did not exist (404).
 */
@ApplicationScoped
public class AppointmentService {

    public static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");
    static final int MIN_MINUTES = 5;
    static final int MAX_MINUTES = 240;
    static final int TOPIC_MAX = 200;
    static final int NOTE_MAX = 2000;
    static final int REASON_MAX = 500;
    /** How far ahead a call can be booked. */
    static final Duration MAX_AHEAD = Duration.ofDays(400);

    private final RehabAccess access;
    private final PeriodService periods;
    private final AccessLog accessLog;
    private final Clock clock;
    private final Event<AppointmentChanged> changes;
    private final RemoteWorkGate remoteWork;

    public AppointmentService(RehabAccess access, PeriodService periods, AccessLog accessLog, Clock clock,
            Event<AppointmentChanged> changes, RemoteWorkGate remoteWork) {
        this.access = access;
        this.remoteWork = remoteWork;
        this.periods = periods;
        this.accessLog = accessLog;
        this.clock = clock;
        this.changes = changes;
    }

    @Transactional
    public Appointment book(Caller caller, CreateAppointmentRequest req) {
        if (caller.role() != Role.SPECIALIST) {
            throw ApiException.forbidden("remote.appointment.specialist-only");
        }
        if (req == null) {
            throw ApiException.invalid("body", "error.body.required");
        }
        List<FieldError> errors = new ArrayList<>();
        User client = req.clientId() == null ? null : User.findById(req.clientId());
        if (req.clientId() == null) {
            errors.add(new FieldError("clientId", "remote.appointment.client-required"));
        } else if (client == null || client.role != Role.CLIENT || !client.active
                || !access.canSeeClient(caller, client.id)) {
            throw ApiException.notFound("client");
        }
        Instant start = checkTimes(req.startsAt() == null ? null : req.startsAt().toInstant(), req.durationMinutes(), errors);
        String topic = checkTexts(req.topic(), req.note(), errors);
        Long periodId = null;
        if (client != null && start != null) {
            periodId = periods.periodCovering(client.id, caller.id(), LocalDate.ofInstant(start, ZONE)).orElse(null);
            if (periodId == null) {
                errors.add(new FieldError("startsAt", "remote.appointment.no-period"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        remoteWork.requireRemoteWorkAllowed(periodId, client.id);
        Instant end = start.plus(Duration.ofMinutes(req.durationMinutes()));
        checkOverlap(caller.id(), client.id, start, end, null);
        Instant now = clock.instant();
        Appointment a = new Appointment();
        a.clientId = client.id;
        a.specialistId = caller.id();
        a.periodId = periodId;
        a.startsAt = start;
        a.durationMinutes = req.durationMinutes();
        a.topic = topic;
        a.note = blankToNull(req.note());
        a.createdBy = caller.id();
        a.createdAt = now;
        a.updatedAt = now;
        a.persist();
        accessLog.record(caller, a.clientId, AccessKind.APPOINTMENT_CHANGED);
        changes.fire(new AppointmentChanged(a.id, AppointmentChanged.Kind.BOOKED));
        return a;
    }

    @Transactional
    public Appointment update(Caller caller, Long id, UpdateAppointmentRequest req) {
        Appointment a = ownScheduled(caller, id);
        if (req == null) {
            throw ApiException.invalid("body", "error.body.required");
        }
        List<FieldError> errors = new ArrayList<>();
        Instant start = checkTimes(req.startsAt() == null ? null : req.startsAt().toInstant(), req.durationMinutes(), errors);
        String topic = checkTexts(req.topic(), req.note(), errors);
        if (start != null && !LocalDate.ofInstant(start, ZONE).equals(LocalDate.ofInstant(a.startsAt, ZONE))) {
            Long periodId = periods.periodCovering(a.clientId, caller.id(), LocalDate.ofInstant(start, ZONE)).orElse(null);
            if (periodId == null) {
                errors.add(new FieldError("startsAt", "remote.appointment.no-period"));
            } else {
                a.periodId = periodId;
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (a.periodId != null) {
            remoteWork.requireRemoteWorkAllowed(a.periodId, a.clientId);
        }
        Instant end = start.plus(Duration.ofMinutes(req.durationMinutes()));
        checkOverlap(a.specialistId, a.clientId, start, end, a.id);
        boolean moved = !start.equals(a.startsAt) || a.durationMinutes != req.durationMinutes();
        a.startsAt = start;
        a.durationMinutes = req.durationMinutes();
        a.topic = topic;
        a.note = blankToNull(req.note());
        a.updatedAt = clock.instant();
        accessLog.record(caller, a.clientId, AccessKind.APPOINTMENT_CHANGED);
        if (moved) {
            changes.fire(new AppointmentChanged(a.id, AppointmentChanged.Kind.MOVED));
        }
        return a;
    }

    @Transactional
    public Appointment cancel(Caller caller, Long id, String reason) {
        Appointment a = ownScheduled(caller, id);
        if (reason != null && reason.strip().length() > REASON_MAX) {
            throw ApiException.invalid("reason", "remote.appointment.too-long", REASON_MAX);
        }
        Instant now = clock.instant();
        a.status = Appointment.Status.CANCELLED;
        a.cancelledAt = now;
        a.cancelledBy = caller.id();
        a.cancelReason = blankToNull(reason);
        a.updatedAt = now;
        accessLog.record(caller, a.clientId, AccessKind.APPOINTMENT_CHANGED);
        changes.fire(new AppointmentChanged(a.id, AppointmentChanged.Kind.CANCELLED));
        return a;
    }

    /** One call, if the caller may see it; staff reads are logged. */
    @Transactional
    public Appointment find(Caller caller, Long id) {
        Appointment a = visible(caller, id);
        accessLog.record(caller, a.clientId, AccessKind.APPOINTMENTS_READ);
        return a;
    }

    /**
     * Calls starting in [from, to): a client's own; a specialist's own, or with {@code clientId} those of a
     * client they follow; an admin names the client.
     */
    @Transactional
    public List<Appointment> list(Caller caller, Long clientId, Instant from, Instant to) {
        if (clientId == null) {
            if (caller.role() == Role.ADMIN) {
                throw ApiException.invalid("clientId", "remote.appointment.client-required");
            }
            return Appointment.listByParticipant(caller.id(), from, to);
        }
        access.requireClient(caller, clientId);
        accessLog.record(caller, clientId, AccessKind.APPOINTMENTS_READ);
        return Appointment.listByClient(clientId, from, to);
    }

    /** The call if the caller is one of its two participants; everyone else gets 404. */
    public Appointment asParticipant(Caller caller, Long id) {
        Appointment a = id == null ? null : Appointment.findById(id);
        if (a == null || !a.isParticipant(caller.id())) {
            throw ApiException.notFound("appointment");
        }
        return a;
    }

    Appointment visible(Caller caller, Long id) {
        Appointment a = id == null ? null : Appointment.findById(id);
        if (a == null || !(a.isParticipant(caller.id()) || (caller.isStaff() && access.canSeeClient(caller, a.clientId)))) {
            throw ApiException.notFound("appointment");
        }
        return a;
    }

    /** Only the specialist who booked a call changes it, and only while it is scheduled and not over. */
    private Appointment ownScheduled(Caller caller, Long id) {
        Appointment a = visible(caller, id);
        if (!a.specialistId.equals(caller.id())) {
            throw ApiException.forbidden("remote.appointment.own-only");
        }
        if (a.status == Appointment.Status.CANCELLED) {
            throw ApiException.conflict("appointment-cancelled", "remote.appointment.cancelled");
        }
        if (!a.endsAt().isAfter(clock.instant())) {
            throw ApiException.conflict("appointment-past", "remote.appointment.past");
        }
        return a;
    }

    private Instant checkTimes(Instant start, Integer minutes, List<FieldError> errors) {
        Instant now = clock.instant();
        String startProblem = start == null ? "remote.appointment.start-required"
                : start.isBefore(now) ? "remote.appointment.start-past"
                : start.isAfter(now.plus(MAX_AHEAD)) ? "remote.appointment.start-too-far" : null;
        if (startProblem != null) {
            errors.add(new FieldError("startsAt", startProblem));
        }
        if (minutes == null || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            errors.add(new FieldError("durationMinutes", "remote.appointment.duration-invalid", MIN_MINUTES, MAX_MINUTES));
        }
        return startProblem == null ? start : null;
    }

    private static String checkTexts(String topic, String note, List<FieldError> errors) {
        String t = topic == null ? "" : topic.strip();
        if (t.isEmpty()) {
            errors.add(new FieldError("topic", "remote.appointment.topic-required"));
        } else if (t.length() > TOPIC_MAX) {
            errors.add(new FieldError("topic", "remote.appointment.too-long", TOPIC_MAX));
        }
        if (note != null && note.strip().length() > NOTE_MAX) {
            errors.add(new FieldError("note", "remote.appointment.too-long", NOTE_MAX));
        }
        return t;
    }

    private static void checkOverlap(Long specialistId, Long clientId, Instant start, Instant end, Long exceptId) {
        if (Appointment.overlaps(specialistId, false, start, end, exceptId)) {
            throw ApiException.conflict("appointment-overlap", "remote.appointment.overlap-specialist");
        }
        if (Appointment.overlaps(clientId, true, start, end, exceptId)) {
            throw ApiException.conflict("appointment-overlap", "remote.appointment.overlap-client");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
