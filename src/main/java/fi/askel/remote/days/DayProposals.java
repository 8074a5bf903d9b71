package fi.askel.remote.days;

import fi.askel.common.Dates;
import fi.askel.rehab.Period;
import fi.askel.remote.appointment.Appointment;
import fi.askel.remote.appointment.AppointmentMember;
import fi.askel.remote.days.DayViews.Proposal;
import fi.askel.remote.days.RemoteDay.Content;
import fi.askel.remote.days.RemoteDay.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The days of a period that are not recorded yet but where the platform saw remote rehabilitation happen,
 * with what and how long, for the specialist to confirm: a video call that took place (minutes from the
 * time both were in it), a group session the client joined, exercise logs or answers saved that day
 * (logged minutes, or {@code askel.days.exercise-minutes} when none were logged). A booked call in the past
 * that the client never joined is proposed as NO_SHOW; a cancelled call is no day at all. Only days up to
 * today, inside the period.
 */
@ApplicationScoped
public class DayProposals {

    static final ZoneId ZONE = Dates.ZONE;

    private final EntityManager em;
    private final DaysConfig config;

    public DayProposals(EntityManager em, DaysConfig config) {
        this.em = em;
        this.config = config;
    }

    /** What one source saw on a day. */
    private static final class Seen {
        final Set<Content> attended = EnumSet.noneOf(Content.class);
        final Set<Content> missed = EnumSet.noneOf(Content.class);
        final Set<Long> attendedCalls = new TreeSet<>();
        final Set<Long> missedCalls = new TreeSet<>();
        final Set<String> sources = new TreeSet<>();
        int callMinutes;
        int exerciseMinutes;
        boolean exercises;
    }

    public List<Proposal> propose(Period period, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        LocalDate last = period.endsOn.isBefore(today) ? period.endsOn : today;
        if (last.isBefore(period.startsOn)) {
            return List.of();
        }
        Instant from = period.startsOn.atStartOfDay(ZONE).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(ZONE).toInstant();
        Map<LocalDate, Seen> days = new TreeMap<>();
        calls(period, from, to, now, days);
        groupSessions(period, from, to, now, days);
        exercises(period, last, days);
        answers(period, from, to, days);
        Set<LocalDate> recorded = new TreeSet<>(em.createQuery(
                "select d.day from RemoteDay d where d.periodId = ?1", LocalDate.class).setParameter(1, period.id).getResultList());
        List<Proposal> proposals = new ArrayList<>();
        days.forEach((date, seen) -> {
            if (recorded.contains(date)) {
                return;
            }
            boolean attended = !seen.attended.isEmpty() || seen.exercises;
            if (attended) {
                Set<Content> content = EnumSet.noneOf(Content.class);
                content.addAll(seen.attended);
                int minutes = seen.callMinutes;
                if (seen.exercises) {
                    content.add(Content.ONLINE_EXERCISES);
                    minutes += seen.exerciseMinutes > 0 ? seen.exerciseMinutes : config.exerciseMinutes();
                }
                proposals.add(new Proposal(date, List.copyOf(content), minutes, Outcome.ATTENDED, List.copyOf(seen.attendedCalls),
                        List.copyOf(seen.sources)));
            } else {
                proposals.add(new Proposal(date, List.copyOf(seen.missed), 0, Outcome.NO_SHOW, List.copyOf(seen.missedCalls),
                        List.of("MISSED_CALL")));
            }
        });
        return proposals;
    }

    /** The client's own calls in the period (booked for it, or for no period on a day inside it). */
    private void calls(Period period, Instant from, Instant to, Instant now, Map<LocalDate, Seen> days) {
        List<Appointment> calls = Appointment.list("kind = ?1 and clientId = ?2 and status = ?3 and startsAt >= ?4 and startsAt < ?5"
                + " and (periodId = ?6 or periodId is null)", Appointment.Kind.INDIVIDUAL, period.clientId,
                Appointment.Status.SCHEDULED, from, to, period.id);
        for (Appointment a : calls) {
            Seen seen = days.computeIfAbsent(LocalDate.ofInstant(a.startsAt, ZONE), d -> new Seen());
            if (a.tookPlace()) {
                seen.attended.add(Content.VIDEO_CALL);
                seen.attendedCalls.add(a.id);
                seen.callMinutes += minutes(a.callSeconds);
                seen.sources.add("CALL");
            } else if (a.clientJoinedAt == null && a.endsAt().isBefore(now)) {
                seen.missed.add(Content.VIDEO_CALL);
                seen.missedCalls.add(a.id);
            }
        }
    }

    private void groupSessions(Period period, Instant from, Instant to, Instant now, Map<LocalDate, Seen> days) {
        List<AppointmentMember> members = AppointmentMember.list("clientId = ?1 and (periodId = ?2 or periodId is null)",
                period.clientId, period.id);
        if (members.isEmpty()) {
            return;
        }
        Map<Long, AppointmentMember> byAppointment = new TreeMap<>();
        members.forEach(m -> byAppointment.put(m.appointmentId, m));
        List<Appointment> sessions = Appointment.list("id in ?1 and status = ?2 and startsAt >= ?3 and startsAt < ?4",
                byAppointment.keySet(), Appointment.Status.SCHEDULED, from, to);
        for (Appointment a : sessions) {
            AppointmentMember m = byAppointment.get(a.id);
            Seen seen = days.computeIfAbsent(LocalDate.ofInstant(a.startsAt, ZONE), d -> new Seen());
            if (m.joinedAt != null) {
                seen.attended.add(Content.GROUP_SESSION);
                seen.attendedCalls.add(a.id);
                seen.callMinutes += a.callSeconds > 0 ? minutes(a.callSeconds) : a.durationMinutes;
                seen.sources.add("GROUP_SESSION");
            } else if (a.endsAt().isBefore(now)) {
                seen.missed.add(Content.GROUP_SESSION);
                seen.missedCalls.add(a.id);
            }
        }
    }

    private void exercises(Period period, LocalDate last, Map<LocalDate, Seen> days) {
        List<Object[]> rows = em.createQuery("select e.doneOn, sum(coalesce(e.minutesDone, 0)) from ExerciseLog e, Assignment a"
                + " where a.id = e.assignmentId and a.periodId = ?1 and e.doneOn >= ?2 and e.doneOn <= ?3 group by e.doneOn",
                Object[].class).setParameter(1, period.id).setParameter(2, period.startsOn).setParameter(3, last).getResultList();
        for (Object[] row : rows) {
            Seen seen = days.computeIfAbsent((LocalDate) row[0], d -> new Seen());
            seen.exercises = true;
            seen.exerciseMinutes += ((Number) row[1]).intValue();
            seen.sources.add("EXERCISE_LOG");
        }
    }

    private void answers(Period period, Instant from, Instant to, Map<LocalDate, Seen> days) {
        List<Instant> saves = em.createQuery("select s.savedAt from StepAnswer s, Assignment a where a.id = s.assignmentId"
                + " and a.periodId = ?1 and s.savedAt >= ?2 and s.savedAt < ?3", Instant.class)
                .setParameter(1, period.id).setParameter(2, from).setParameter(3, to).getResultList();
        for (Instant at : saves) {
            Seen seen = days.computeIfAbsent(LocalDate.ofInstant(at, ZONE), d -> new Seen());
            seen.exercises = true;
            seen.sources.add("ANSWERS");
        }
    }

    /** Whole minutes, rounded up: a call that took place counts at least one minute. */
    static int minutes(int seconds) {
        return Math.max(1, (seconds + 59) / 60);
    }
}
