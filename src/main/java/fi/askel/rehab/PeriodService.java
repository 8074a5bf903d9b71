package fi.askel.rehab;

import fi.askel.common.Dates;
import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.privacy.AccessKind;
import fi.askel.privacy.AccessLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Rehabilitation periods: who is rehabilitated, in what service, when, and with which specialists. */
@ApplicationScoped
public class PeriodService {

    public static final List<String> SERVICE_TYPES = List.of("REHAB_COURSE", "TULES_COURSE", "INDIVIDUAL",
            "ADAPTATION_COURSE", "OTHER");

    public record CreatePeriodRequest(Long clientId, String serviceType, LocalDate startsOn, LocalDate endsOn,
            List<Long> specialistIds, Long peerGroupId) {}

    /** Fired inside the transaction that opened the period (course measures are assigned on it). */
    public record PeriodOpened(Caller by, Period period) {}

    private final RehabAccess access;
    private final AccessLog accessLog;
    private final Event<PeriodOpened> opened;

    public PeriodService(RehabAccess access, AccessLog accessLog, Event<PeriodOpened> opened) {
        this.access = access;
        this.accessLog = accessLog;
        this.opened = opened;
    }

    /**
     * A specialist opens a period for a client and is responsible for it; other responsible
     * specialists may be named. An admin names them all. A specialist opens the first period of a
     * new client, or another one for a client they already follow: opening one for someone else's
     * client would hand them that client's whole history, so that goes through the client's own
     * specialist (who can add them) or an admin, and the client is answered as unknown (404).
     */
    @Transactional
    public Period create(Caller caller, CreatePeriodRequest req) {
        if (caller.role() == Role.CLIENT) {
            throw ApiException.forbidden("rehab.period.staff-only");
        }
        List<FieldError> errors = new ArrayList<>();
        User client = req.clientId() == null ? null : User.findById(req.clientId());
        if (client == null || client.role != Role.CLIENT) {
            errors.add(new FieldError("clientId", "rehab.period.client-invalid"));
        } else if (caller.role() == Role.SPECIALIST && Period.existsForClient(client.id)
                && !Period.isResponsible(caller.id(), client.id)) {
            throw ApiException.notFound("client");
        }
        if (req.serviceType() == null || !SERVICE_TYPES.contains(req.serviceType())) {
            errors.add(new FieldError("serviceType", "rehab.period.service-type-invalid", String.join(", ", SERVICE_TYPES)));
        }
        if (req.startsOn() == null) {
            errors.add(new FieldError("startsOn", "rehab.date.required"));
        }
        if (req.endsOn() == null) {
            errors.add(new FieldError("endsOn", "rehab.date.required"));
        } else if (req.startsOn() != null && req.endsOn().isBefore(req.startsOn())) {
            errors.add(new FieldError("endsOn", "rehab.period.ends-before-start"));
        }
        Set<Long> specialists = new HashSet<>(req.specialistIds() == null ? List.of() : req.specialistIds());
        if (caller.role() == Role.SPECIALIST) {
            specialists.add(caller.id());
        }
        for (Long id : specialists) {
            User s = id == null ? null : User.findById(id);
            if (s == null || s.role != Role.SPECIALIST || !s.active) {
                errors.add(new FieldError("specialistIds", "rehab.period.specialist-invalid", id));
            }
        }
        if (specialists.isEmpty()) {
            errors.add(new FieldError("specialistIds", "rehab.period.specialist-required"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Period p = new Period();
        p.clientId = client.id;
        p.serviceType = req.serviceType();
        p.startsOn = req.startsOn();
        p.endsOn = req.endsOn();
        p.peerGroupId = req.peerGroupId();
        p.specialistIds = specialists;
        p.createdBy = caller.id();
        p.createdAt = Instant.now();
        p.persist();
        accessLog.record(caller, p.clientId, AccessKind.PERIOD_CHANGED);
        opened.fire(new PeriodOpened(caller, p));
        return p;
    }

    public List<Period> list(Caller caller, Long clientId) {
        access.requireClient(caller, clientId);
        accessLog.record(caller, clientId, AccessKind.PERIODS_READ);
        return Period.listByClient(clientId);
    }

    public Period find(Caller caller, Long id) {
        Period p = visible(caller, id);
        accessLog.record(caller, p.clientId, AccessKind.PERIODS_READ);
        return p;
    }

    /** The period, if the caller may see it; otherwise 404. Not logged: for the lookups inside a change. */
    private Period visible(Caller caller, Long id) {
        Period p = id == null ? null : Period.findById(id);
        if (p == null || !access.canSeeClient(caller, p.clientId)) {
            throw ApiException.notFound("period");
        }
        return p;
    }

    /** The period an assignment or goal belongs to: the given one, or the client's current one. */
    Period periodFor(Caller caller, Long clientId, Long periodId) {
        if (periodId != null) {
            Period p = visible(caller, periodId);
            if (!p.clientId.equals(clientId)) {
                throw ApiException.invalid("periodId", "rehab.period.other-client");
            }
            return p;
        }
        LocalDate today = Dates.today();
        return Period.listByClient(clientId).stream()
                .filter(p -> caller.role() == Role.ADMIN || p.specialistIds.contains(caller.id()))
                .filter(p -> !p.endsOn.isBefore(today))
                .findFirst()
                .orElseThrow(() -> ApiException.conflict("no-period", "rehab.period.none"));
    }

    @Transactional
    public Period addSpecialist(Caller caller, Long periodId, Long specialistId) {
        Period p = visible(caller, periodId);
        access.requireStaffFor(caller, p.clientId);
        User s = specialistId == null ? null : User.findById(specialistId);
        if (s == null || s.role != Role.SPECIALIST) {
            throw ApiException.invalid("userId", "rehab.period.specialist-invalid", specialistId);
        }
        p.specialistIds.add(specialistId);
        accessLog.record(caller, p.clientId, AccessKind.PERIOD_CHANGED);
        return p;
    }

    /**
     * The period of the client on that day for which the specialist is responsible (the newest if
     * several), for other features that attach their work to a period (e.g. video calls).
     */
    public java.util.Optional<Long> periodCovering(Long clientId, Long specialistId, LocalDate day) {
        return Period.listByClient(clientId).stream()
                .filter(p -> p.specialistIds.contains(specialistId) && !day.isBefore(p.startsOn) && !day.isAfter(p.endsOn))
                .map(p -> p.id)
                .findFirst();
    }
}
