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
import fi.askel.remote.RemoteConfig;
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

    public static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");
    static final int MIN_MINUTES = 5;
    static final int MAX_MINUTES = 240;
    static final int TOPIC_MAX = 200;
    static final int NOTE_MAX = 2000;
    static final int REASON_MAX = 500;
    /** How far ahead a call can be booked. */
    static final Duration MAX_AHEAD = Duration.ofDays(366);

    private final RehabAccess access;
    private final PeriodService periods;
    private final AccessLog accessLog;
    private final Clock clock;
    private final Event<AppointmentChanged> changes;
    private final RemoteConfig config;
    private final PeerGroupCheck peerGroups;
    private final RemoteWorkGate remoteWork;

    public AppointmentService(RehabAccess access, PeriodService periods, AccessLog accessLog, Clock clock,
            Event<AppointmentChanged> changes, RemoteConfig config, PeerGroupCheck peerGroups, RemoteWorkGate remoteWork) {
        this.config = config;
        this.peerGroups = peerGroups;
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
        boolean group = req.clientIds() != null;
        List<FieldError> errors = new ArrayList<>();
        List<Long> clientIds = clients(caller, req, errors);
        Instant start = checkTimes(req.startsAt() == null ? null : req.startsAt().toInstant(), req.durationMinutes(), errors);
        String topic = checkTexts(req.topic(), req.note(), errors);
        if (req.peerGroupId() != null && (!group || !peerGroups.canModerate(caller, req.peerGroupId()))) {
            errors.add(new FieldError("peerGroupId", "remote.appointment.peer-group-invalid"));
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
        lockPeople(caller.id(), clientIds);
        checkOverlap(caller.id(), clientIds, start, end, null);
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
        return a;
    }

    /**
     * The clients of the booking: {@code clientId} for an individual call, {@code clientIds} (two to
     * {@code askel.calls.group-max-clients}, no repeats) for a group session. A client the specialist
     * does not follow is answered as unknown (404).
     */
    private List<Long> clients(Caller caller, CreateAppointmentRequest req, List<FieldError> errors) {
        if (req.clientIds() != null && req.clientId() != null) {
            errors.add(new FieldError("clientIds", "remote.appointment.client-or-clients"));
            return List.of();
        }
        List<Long> ids = req.clientIds() != null ? req.clientIds() : req.clientId() == null ? List.of() : List.of(req.clientId());
        if (ids.isEmpty()) {
            errors.add(new FieldError(req.clientIds() != null ? "clientIds" : "clientId", "remote.appointment.client-required"));
            return List.of();
        }
        if (req.clientIds() != null && (ids.size() < 2 || ids.size() > config.groupMaxClients())) {
            errors.add(new FieldError("clientIds", "remote.appointment.group-size", 2, config.groupMaxClients()));
            return List.of();
        }
        if (ids.stream().anyMatch(java.util.Objects::isNull) || new java.util.HashSet<>(ids).size() != ids.size()) {
            errors.add(new FieldError("clientIds", "remote.appointment.clients-repeated"));
            return List.of();
        }
        Map<Long, User> found = User.<User>list("id in ?1", ids).stream().collect(java.util.stream.Collectors.toMap(u -> u.id, u -> u));
        for (Long id : ids) {
            User client = found.get(id);
            if (client == null || client.role != Role.CLIENT || !client.active || !access.canSeeClient(caller, id)) {
                throw ApiException.notFound("client");
            }
        }
        return ids;
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
        lockPeople(a.specialistId, clientIds);
        checkOverlap(a.specialistId, clientIds, start, end, a.id);
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

    /**
     * Two bookings at the same moment for the same person must not both pass the overlap check: the
     * people's account rows are locked (in id order, so two bookings never wait on each other) until commit.
     */
    private static void lockPeople(Long specialistId, List<Long> clientIds) {
        java.util.TreeSet<Long> ids = new java.util.TreeSet<>(clientIds);
        ids.add(specialistId);
        ids.forEach(id -> User.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }

    private static void checkOverlap(Long specialistId, List<Long> clientIds, Instant start, Instant end, Long exceptId) {
        if (Appointment.overlaps(specialistId, false, start, end, exceptId)) {
            throw ApiException.conflict("appointment-overlap", "remote.appointment.overlap-specialist");
        }
        for (Long clientId : clientIds) {
            if (Appointment.overlaps(clientId, true, start, end, exceptId)) {
                throw ApiException.conflict("appointment-overlap", "remote.appointment.overlap-client",
                        User.<User>findById(clientId).displayName);
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
