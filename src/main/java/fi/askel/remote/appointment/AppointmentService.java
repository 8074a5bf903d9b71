package fi.askel.remote.appointment;

import fi.askel.common.Dates;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Booking video calls. A specialist books with a client whose rehabilitation they are responsible for,
 * moves or cancels their own calls; the client and every specialist following the client see them, an
 * admin sees all. Anyone else is answered as if the call did not exist (404).
 */
@ApplicationScoped
public class AppointmentService {

    public static final ZoneId ZONE = Dates.ZONE;
    static final int REASON_MAX = 500;

    private final RehabAccess access;
    private final PeriodService periods;
    private final AccessLog accessLog;
    private final Clock clock;
    private final Event<AppointmentChanged> changes;
    private final PeerGroupCheck peerGroups;
    private final RemoteWorkGate remoteWork;
    private final BookingRules rules;
    private final GroupFill fill;

    public AppointmentService(RehabAccess access, PeriodService periods, AccessLog accessLog, Clock clock,
            Event<AppointmentChanged> changes, PeerGroupCheck peerGroups, RemoteWorkGate remoteWork, BookingRules rules, GroupFill fill) {
        this.rules = rules;
        this.fill = fill;
        this.peerGroups = peerGroups;
        this.access = access;
        this.remoteWork = remoteWork;
        this.periods = periods;
        this.accessLog = accessLog;
        this.clock = clock;
        this.changes = changes;
    }

    /** A booking and, for a session filled from a peer group, the group's members left out and why (else null). */
    public record Booking(Appointment appointment, List<SkippedMember> skipped) {}

    @Transactional
    public Appointment book(Caller caller, CreateAppointmentRequest req) {
        return bookSession(caller, req).appointment();
    }

    /**
     * Books a call. A group session that names a peer group and no clients is filled from the group's current
     * client members ({@link GroupFill}); the members left out come back in {@link Booking#skipped()}.
     */
    @Transactional
    public Booking bookSession(Caller caller, CreateAppointmentRequest req) {
        if (caller.role() != Role.SPECIALIST) {
            throw ApiException.forbidden("remote.appointment.specialist-only");
        }
        if (req == null) {
            throw ApiException.invalid("body", "error.body.required");
        }
        boolean fromGroup = req.peerGroupId() != null && req.clientIds() == null && req.clientId() == null;
        boolean group = req.clientIds() != null || fromGroup;
        List<FieldError> errors = new ArrayList<>();
        List<Long> clientIds = fromGroup ? List.of() : rules.clients(caller, req, errors);
        Instant start = rules.checkTimes(req.startsAt() == null ? null : req.startsAt().toInstant(), req.durationMinutes(), errors);
        String topic = rules.checkTexts(req.topic(), req.note(), errors);
        List<SkippedMember> skipped = null;
        if (req.peerGroupId() != null && (!group || !peerGroups.canModerate(caller, req.peerGroupId()))) {
            errors.add(new FieldError("peerGroupId", "remote.appointment.peer-group-invalid"));
        } else if (fromGroup && start != null) {
            GroupFill.Plan plan = fill.plan(caller, req.peerGroupId(), start,
                    start.plus(Duration.ofMinutes(req.durationMinutes() == null ? 0 : req.durationMinutes())), null, List.of());
            clientIds = List.copyOf(plan.add().keySet());
            skipped = plan.skipped();
            if (clientIds.size() < 2) {
                errors.add(new FieldError("peerGroupId", "remote.appointment.group-too-few", clientIds.size(),
                        String.join(", ", skipped.stream().map(SkippedMember::name).toList())));
            }
        }
        Map<Long, Long> periodByClient = new LinkedHashMap<>();
        if (start != null) {
            LocalDate day = LocalDate.ofInstant(start, ZONE);
            for (Long clientId : clientIds) {
                Long periodId = periods.periodCovering(clientId, caller.id(), day).orElse(null);
                if (periodId == null) {
                    errors.add(new FieldError(group ? "clientIds" : "startsAt", "remote.appointment.no-period",
                            User.<User>findById(clientId).displayName));
                }
                periodByClient.put(clientId, periodId);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        // Remote work in a period needs a positive suitability assessment and the client's consent, for every client.
        periodByClient.forEach((clientId, periodId) -> remoteWork.requireRemoteWorkAllowed(periodId, clientId));
        Instant end = start.plus(Duration.ofMinutes(req.durationMinutes()));
        rules.lockPeople(caller.id(), clientIds);
        rules.checkOverlap(caller.id(), clientIds, start, end, null);
        Instant now = clock.instant();
        Appointment a = new Appointment();
        a.kind = group ? Appointment.Kind.GROUP : Appointment.Kind.INDIVIDUAL;
        a.clientId = group ? null : clientIds.get(0);
        a.peerGroupId = req.peerGroupId();
        a.specialistId = caller.id();
        a.periodId = group ? null : periodByClient.get(a.clientId);
        a.startsAt = start;
        a.durationMinutes = req.durationMinutes();
        a.topic = topic;
        a.note = blankToNull(req.note());
        a.createdBy = caller.id();
        a.createdAt = now;
        a.updatedAt = now;
        a.persist();
        if (group) {
            periodByClient.forEach((clientId, periodId) -> {
                AppointmentMember m = new AppointmentMember();
                m.appointmentId = a.id;
                m.clientId = clientId;
                m.periodId = periodId;
                m.persist();
            });
        }
        accessLog.recordEach(caller, clientIds, AccessKind.APPOINTMENT_CHANGED);
        changes.fire(new AppointmentChanged(a.id, AppointmentChanged.Kind.BOOKED));
        return new Booking(a, skipped);
    }

    @Transactional
    public Appointment update(Caller caller, Long id, UpdateAppointmentRequest req) {
        Appointment a = ownScheduled(caller, id);
        if (req == null) {
            throw ApiException.invalid("body", "error.body.required");
        }
        List<FieldError> errors = new ArrayList<>();
        Instant start = rules.checkTimes(req.startsAt() == null ? null : req.startsAt().toInstant(), req.durationMinutes(), errors);
        String topic = rules.checkTexts(req.topic(), req.note(), errors);
        List<Long> clientIds = a.clientIds();
        Map<Long, Long> newPeriods = new LinkedHashMap<>();
        if (start != null && !LocalDate.ofInstant(start, ZONE).equals(LocalDate.ofInstant(a.startsAt, ZONE))) {
            for (Long clientId : clientIds) {
                Long periodId = periods.periodCovering(clientId, caller.id(), LocalDate.ofInstant(start, ZONE)).orElse(null);
                if (periodId == null) {
                    errors.add(new FieldError("startsAt", "remote.appointment.no-period", User.<User>findById(clientId).displayName));
                }
                newPeriods.put(clientId, periodId);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Map<Long, Long> periodsAfter = new LinkedHashMap<>();
        if (a.isGroup()) {
            AppointmentMember.listByAppointments(List.of(a.id)).forEach(m -> periodsAfter.put(m.clientId, m.periodId));
        } else {
            periodsAfter.put(a.clientId, a.periodId);
        }
        periodsAfter.putAll(newPeriods);
        periodsAfter.forEach((clientId, periodId) -> {
            if (periodId != null) {
                remoteWork.requireRemoteWorkAllowed(periodId, clientId);
            }
        });
        Instant end = start.plus(Duration.ofMinutes(req.durationMinutes()));
        rules.lockPeople(a.specialistId, clientIds);
        rules.checkOverlap(a.specialistId, clientIds, start, end, a.id);
        if (!a.isGroup() && newPeriods.containsKey(a.clientId)) {
            a.periodId = newPeriods.get(a.clientId);
        }
        if (a.isGroup()) {
            newPeriods.forEach((clientId, periodId) -> AppointmentMember.update("periodId = ?1 where appointmentId = ?2 and clientId = ?3",
                    periodId, a.id, clientId));
        }
        boolean moved = !start.equals(a.startsAt) || a.durationMinutes != req.durationMinutes();
        a.startsAt = start;
        a.durationMinutes = req.durationMinutes();
        a.topic = topic;
        a.note = blankToNull(req.note());
        a.updatedAt = clock.instant();
        accessLog.recordEach(caller, clientIds, AccessKind.APPOINTMENT_CHANGED);
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
        accessLog.recordEach(caller, a.clientIds(), AccessKind.APPOINTMENT_CHANGED);
        changes.fire(new AppointmentChanged(a.id, AppointmentChanged.Kind.CANCELLED));
        return a;
    }

    /** One call, if the caller may see it; staff reads are logged. */
    @Transactional
    public Appointment find(Caller caller, Long id) {
        Appointment a = visible(caller, id);
        accessLog.recordEach(caller, a.clientIds(), AccessKind.APPOINTMENTS_READ);
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
        // Staff see the client's individual calls, and of group sessions those they hold (an admin all).
        return Appointment.listByClient(clientId, caller.role() == Role.ADMIN ? null : caller.id(), from, to);
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
        if (a == null || !(a.isParticipant(caller.id()) || caller.role() == Role.ADMIN
                || (caller.isStaff() && !a.isGroup() && access.canSeeClient(caller, a.clientId)))) {
            throw ApiException.notFound("appointment");
        }
        return a;
    }

    /** Only the specialist who booked a call changes it, and only while it is scheduled and not over. */
    Appointment ownScheduled(Caller caller, Long id) {
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
