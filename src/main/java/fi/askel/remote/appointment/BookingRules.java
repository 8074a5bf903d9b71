package fi.askel.remote.appointment;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.rehab.RehabAccess;
import fi.askel.remote.RemoteConfig;
import fi.askel.remote.appointment.AppointmentRequests.CreateAppointmentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a booking must be to be accepted: who it is with, when and how long, its texts, and that nobody is
 * double-booked. {@link AppointmentService} applies these rules when a call is booked or moved.
 */
@ApplicationScoped
class BookingRules {

    static final int MIN_MINUTES = 5;
    static final int MAX_MINUTES = 240;
    static final int TOPIC_MAX = 200;
    static final int NOTE_MAX = 2000;
    /** How far ahead a call can be booked. */
    static final Duration MAX_AHEAD = Duration.ofDays(366);

    private final RehabAccess access;
    private final RemoteConfig config;
    private final Clock clock;

    BookingRules(RehabAccess access, RemoteConfig config, Clock clock) {
        this.access = access;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The clients of the booking: {@code clientId} for an individual call, {@code clientIds} (two to
     * {@code askel.calls.group-max-clients}, no repeats) for a group session. A client the specialist
     * does not follow is answered as unknown (404).
     */
    List<Long> clients(Caller caller, CreateAppointmentRequest req, List<FieldError> errors) {
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
        Map<Long, User> found = User.byIds(ids);
        for (Long id : ids) {
            User client = found.get(id);
            if (client == null || client.role != Role.CLIENT || !client.active || !access.canSeeClient(caller, id)) {
                throw ApiException.notFound("client");
            }
        }
        return ids;
    }

    Instant checkTimes(Instant start, Integer minutes, List<FieldError> errors) {
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

    String checkTexts(String topic, String note, List<FieldError> errors) {
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
    void lockPeople(Long specialistId, List<Long> clientIds) {
        java.util.TreeSet<Long> ids = new java.util.TreeSet<>(clientIds);
        ids.add(specialistId);
        ids.forEach(id -> User.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }

    void checkOverlap(Long specialistId, List<Long> clientIds, Instant start, Instant end, Long exceptId) {
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
}
