package fi.askel.remote.days;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.privacy.AccessKind;
import fi.askel.privacy.AccessLog;
import fi.askel.rehab.Period;
import fi.askel.remote.appointment.Appointment;
import fi.askel.remote.days.DayViews.ContentTotal;
import fi.askel.remote.days.DayViews.DayView;
import fi.askel.remote.days.DayViews.PeriodDays;
import fi.askel.remote.days.DayViews.Proposal;
import fi.askel.remote.days.DayViews.SaveDayRequest;
import fi.askel.remote.days.DayViews.Totals;
import fi.askel.remote.days.RemoteDay.Content;
import fi.askel.remote.days.RemoteDay.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Remote-rehabilitation days of a period: the period's specialists and admins record, correct and
 * confirm them; the client reads their own. Anyone else is told the period does not exist (404).
 */
@ApplicationScoped
public class DayService {

    static final int NOTE_MAX = 1000;

    private final DayProposals proposals;
    private final AccessLog accessLog;
    private final Clock clock;

    public DayService(DayProposals proposals, AccessLog accessLog, Clock clock) {
        this.proposals = proposals;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** The period if the caller may read its days: its client, its specialists, an admin. Not logged. */
    Period readable(Caller caller, Long periodId) {
        Period p = periodId == null ? null : Period.findById(periodId);
        if (p == null || !(p.clientId.equals(caller.id()) || isStaffOf(caller, p))) {
            throw ApiException.notFound("period");
        }
        return p;
    }

    /** The period if the caller is one of its specialists or an admin; its client is refused (403), others 404. */
    Period staffPeriod(Caller caller, Long periodId) {
        Period p = readable(caller, periodId);
        if (!isStaffOf(caller, p)) {
            throw ApiException.forbidden("days.error.staff-only");
        }
        return p;
    }

    private static boolean isStaffOf(Caller caller, Period p) {
        return caller.role() == Role.ADMIN || (caller.role() == Role.SPECIALIST && p.specialistIds.contains(caller.id()));
    }

    @Transactional
    public PeriodDays days(Caller caller, Long periodId) {
        Period p = readable(caller, periodId);
        accessLog.record(caller, p.clientId, AccessKind.REMOTE_DAYS_READ);
        return periodDays(p);
    }

    PeriodDays periodDays(Period p) {
        List<DayView> days = views(RemoteDay.listByPeriod(p.id));
        User client = User.findById(p.clientId);
        return new PeriodDays(p.id, p.clientId, client == null ? "" : client.displayName, p.startsOn, p.endsOn, days, totals(days));
    }

    @Transactional
    public List<Proposal> proposals(Caller caller, Long periodId) {
        Period p = staffPeriod(caller, periodId);
        accessLog.record(caller, p.clientId, AccessKind.REMOTE_DAYS_READ);
        return proposals.propose(p, clock.instant());
    }

    /** The client's own days over all their periods, newest period first. */
    @Transactional
    public List<PeriodDays> own(Caller caller) {
        return Period.listByClient(caller.id()).stream().map(p -> periodDays((Period) p)).toList();
    }

    @Transactional
    public DayView create(Caller caller, Long periodId, SaveDayRequest req) {
        Period p = staffPeriod(caller, periodId);
        Set<Long> calls = validate(p, req, true);
        if (RemoteDay.findByPeriodAndDay(p.id, req.date()) != null) {
            throw ApiException.conflict("remote-day-exists", "days.error.exists", req.date());
        }
        RemoteDay d = new RemoteDay();
        d.clientId = p.clientId;
        d.periodId = p.id;
        d.day = req.date();
        apply(d, req, calls);
        d.recordedBy = caller.id();
        d.recordedAt = clock.instant();
        d.persist();
        accessLog.record(caller, p.clientId, AccessKind.REMOTE_DAY_CHANGED);
        return views(List.of(d)).get(0);
    }

    @Transactional
    public DayView update(Caller caller, Long periodId, LocalDate date, SaveDayRequest req) {
        Period p = staffPeriod(caller, periodId);
        RemoteDay d = date == null ? null : RemoteDay.findByPeriodAndDay(p.id, date);
        if (d == null) {
            throw ApiException.notFound("remote-day");
        }
        SaveDayRequest same = new SaveDayRequest(date, req.content(), req.minutes(), req.outcome(), req.note(),
                req.appointmentIds() == null ? List.copyOf(d.appointmentIds) : req.appointmentIds());
        Set<Long> calls = validate(p, same, false);
        apply(d, same, calls);
        d.updatedBy = caller.id();
        d.updatedAt = clock.instant();
        accessLog.record(caller, p.clientId, AccessKind.REMOTE_DAY_CHANGED);
        return views(List.of(d)).get(0);
    }

    /** Records the proposed days as proposed: those dated in {@code dates}, or all when none are named. */
    @Transactional
    public List<DayView> confirm(Caller caller, Long periodId, Collection<LocalDate> dates) {
        Period p = staffPeriod(caller, periodId);
        Set<LocalDate> wanted = dates == null ? Set.of() : new HashSet<>(dates);
        List<Proposal> open = proposals.propose(p, clock.instant()).stream()
                .filter(x -> wanted.isEmpty() || wanted.contains(x.date())).toList();
        if (!wanted.isEmpty() && open.size() != wanted.size()) {
            throw ApiException.conflict("remote-day-not-proposed", "days.error.not-proposed");
        }
        List<RemoteDay> created = new ArrayList<>();
        for (Proposal x : open) {
            RemoteDay d = new RemoteDay();
            d.clientId = p.clientId;
            d.periodId = p.id;
            d.day = x.date();
            d.content(EnumSet.copyOf(x.content()));
            d.minutes = x.minutes();
            d.outcome = x.outcome();
            d.appointmentIds = new TreeSet<>(x.appointmentIds());
            d.recordedBy = caller.id();
            d.recordedAt = clock.instant();
            d.persist();
            created.add(d);
        }
        if (!created.isEmpty()) {
            accessLog.record(caller, p.clientId, AccessKind.REMOTE_DAY_CHANGED);
        }
        return views(created);
    }

    /** Refuses a day that is not complete and true to the period; answers the calls it may link to. */
    private static Set<Long> validate(Period p, SaveDayRequest req, boolean isNew) {
        List<FieldError> errors = new ArrayList<>();
        if (req == null) {
            throw ApiException.invalid("date", "days.error.date.required");
        }
        if (req.date() == null) {
            errors.add(new FieldError("date", "days.error.date.required"));
        } else if (req.date().isBefore(p.startsOn) || req.date().isAfter(p.endsOn)) {
            errors.add(new FieldError("date", "days.error.date.outside", p.startsOn, p.endsOn));
        }
        if (req.content() == null || req.content().isEmpty() || req.content().stream().anyMatch(java.util.Objects::isNull)) {
            errors.add(new FieldError("content", "days.error.content.required"));
        }
        if (req.minutes() == null || req.minutes() < 0 || req.minutes() > 1440) {
            errors.add(new FieldError("minutes", "days.error.minutes"));
        }
        if (req.outcome() == null) {
            errors.add(new FieldError("outcome", "days.error.outcome.required"));
        }
        if (req.note() != null && req.note().length() > NOTE_MAX) {
            errors.add(new FieldError("note", "days.error.note.long", NOTE_MAX));
        }
        Set<Long> calls = new TreeSet<>();
        for (Long id : req.appointmentIds() == null ? List.<Long>of() : req.appointmentIds()) {
            Appointment a = id == null ? null : Appointment.findById(id);
            if (a == null || !a.clientIds().contains(p.clientId)) {
                errors.add(new FieldError("appointmentIds", "days.error.appointment", id));
            } else {
                calls.add(id);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return calls;
    }

    private static void apply(RemoteDay d, SaveDayRequest req, Set<Long> calls) {
        d.content(EnumSet.copyOf(req.content()));
        d.minutes = req.minutes();
        d.outcome = req.outcome();
        d.note = req.note() == null || req.note().isBlank() ? null : req.note().strip();
        d.appointmentIds.clear();
        d.appointmentIds.addAll(calls);
    }

    static List<DayView> views(List<RemoteDay> days) {
        Set<Long> people = new HashSet<>();
        days.forEach(d -> {
            people.add(d.recordedBy);
            if (d.updatedBy != null) {
                people.add(d.updatedBy);
            }
        });
        Map<Long, String> names = User.displayNames(people, null);
        return days.stream().map(d -> new DayView(d.id, d.periodId, d.day, List.copyOf(d.content()), d.minutes, d.outcome, d.note,
                List.copyOf(d.appointmentIds), names.getOrDefault(d.recordedBy, ""), d.recordedAt,
                d.updatedBy == null ? null : names.getOrDefault(d.updatedBy, ""), d.updatedAt)).toList();
    }

    /** Days and minutes of the days the client attended, by content; no-shows and cancellations counted apart. */
    static Totals totals(List<DayView> days) {
        List<DayView> attended = days.stream().filter(d -> d.outcome() == Outcome.ATTENDED).toList();
        List<ContentTotal> byContent = Arrays.stream(Content.values()).map(c -> new ContentTotal(c,
                attended.stream().filter(d -> d.content().contains(c)).count(),
                attended.stream().filter(d -> d.content().contains(c)).mapToLong(DayView::minutes).sum())).toList();
        return new Totals(attended.size(), attended.stream().mapToLong(DayView::minutes).sum(), byContent,
                days.stream().filter(d -> d.outcome() == Outcome.NO_SHOW).count(),
                days.stream().filter(d -> d.outcome() == Outcome.CANCELLED).count());
    }
}
