package fi.askel.rehab.measures;

import fi.askel.common.Dates;
import fi.askel.common.Messages;
import fi.askel.content.ModuleCatalog;
import fi.askel.identity.Caller;
import fi.askel.identity.User;
import fi.askel.rehab.Assignment;
import fi.askel.rehab.Assignment.Measure;
import fi.askel.rehab.AssignmentService;
import fi.askel.rehab.AssignmentViews.CreateAssignmentRequest;
import fi.askel.rehab.Period;
import fi.askel.rehab.PeriodService.PeriodOpened;
import fi.askel.rehab.RemoteWorkGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gives a period's client the course's start and end measures as ordinary assignments, once remote work is allowed in
 * the period ({@link RemoteWorkGate}): when the period opens if it already is, otherwise when the suitability
 * assessment allows it or, when the client consents only after that, when the consent does. Each measure is assigned
 * once per period, whichever comes first. A start measure is due by the end of the period's first week (a week from
 * now when that has passed); an end measure opens in the period's last week and is due on its last day, and cannot
 * be answered before it opens.
 */
@ApplicationScoped
public class MeasureAssigner {

    private final AssignmentService assignments;
    private final RemoteWorkGate remoteWork;
    private final ModuleCatalog catalog;
    private final Messages messages;

    public MeasureAssigner(AssignmentService assignments, RemoteWorkGate remoteWork, ModuleCatalog catalog, Messages messages) {
        this.assignments = assignments;
        this.remoteWork = remoteWork;
        this.catalog = catalog;
        this.messages = messages;
    }

    void onOpened(@Observes PeriodOpened opened) {
        assignPending(opened.by(), opened.period());
    }

    void onAllowed(@Observes RemoteWorkGate.Allowed allowed) {
        // Locked: the assessment and the client's consent may allow the same period at the same moment, and only one
        // of them may find the measures missing.
        Period period = Period.findById(allowed.periodId(), LockModeType.PESSIMISTIC_WRITE);
        if (period != null) {
            assignPending(allowed.by(), period);
        }
    }

    /** Assigns the measures the period does not have yet, if the course has any and remote work is allowed now. */
    void assignPending(Caller by, Period period) {
        CourseMeasureSetting setting = CourseMeasureSetting.findCurrent(period.serviceType).orElse(null);
        LocalDate today = Dates.today();
        if (setting == null || setting.start().isEmpty() && setting.end().isEmpty() || period.endsOn.isBefore(today)
                || !remoteWork.statusOf(period.clientId, List.of(period.id)).get(period.id).allowed()) {
            return;
        }
        // A locking read sees what another transaction committed while this one waited for the period's lock.
        Set<String> have = Assignment.<Assignment>find("periodId = ?1 and measure is not null", period.id)
                .withLock(LockModeType.PESSIMISTIC_READ).list().stream()
                .map(a -> a.measure + "/" + a.moduleSlug).collect(Collectors.toSet());
        String lang = ((User) User.findById(period.clientId)).locale;
        LocalDate firstWeekEnds = period.startsOn.plusDays(6);
        LocalDate startDue = firstWeekEnds.isBefore(today) ? today.plusDays(6) : firstWeekEnds;
        LocalDate lastWeek = period.endsOn.minusDays(6);
        LocalDate endOpens = lastWeek.isBefore(period.startsOn) ? period.startsOn : lastWeek;
        for (String slug : setting.start()) {
            assign(by, period, slug, Measure.START, null, startDue.isAfter(period.endsOn) ? period.endsOn : startDue, have, lang);
        }
        for (String slug : setting.end()) {
            assign(by, period, slug, Measure.END, endOpens.isAfter(today) ? endOpens : null, period.endsOn, have, lang);
        }
    }

    private void assign(Caller by, Period period, String slug, Measure measure, LocalDate opensOn, LocalDate dueOn,
            Set<String> have, String lang) {
        if (have.contains(measure + "/" + slug) || catalog.find(slug).isEmpty()) {
            return;
        }
        Assignment a = assignments.assign(by, new CreateAssignmentRequest(period.clientId, slug, dueOn, opensOn,
                messages.get(lang, "measures.note." + measure.name()), period.id));
        a.measure = measure;
    }
}
