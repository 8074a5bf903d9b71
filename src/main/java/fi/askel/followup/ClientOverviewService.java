package fi.askel.followup;

import fi.askel.common.ApiException;
import fi.askel.common.db.IdList;
import fi.askel.followup.FollowupViews.ClientListItem;
import fi.askel.followup.FollowupViews.ClientOverview;
import fi.askel.followup.FollowupViews.PainEffortPoint;
import fi.askel.followup.FollowupViews.PeriodSummary;
import fi.askel.followup.FollowupViews.QuestionnaireTrend;
import fi.askel.identity.Caller;
import fi.askel.identity.User;
import fi.askel.privacy.AccessKind;
import fi.askel.privacy.AccessLog;
import fi.askel.rehab.AssignmentService;
import fi.askel.rehab.AssignmentStatus;
import fi.askel.rehab.AssignmentViews.AssignmentView;
import fi.askel.rehab.DiaryEntry;
import fi.askel.rehab.ExerciseLog;
import fi.askel.rehab.GoalService;
import fi.askel.rehab.Period;
import fi.askel.rehab.PeriodView;
import fi.askel.rehab.ProgressRows;
import fi.askel.rehab.QuestionnaireResult;
import fi.askel.rehab.RehabAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How the specialist's clients are doing: a list with what needs attention first, and one client's
 * overview. The list reads each kind of data with one query for all clients, whatever their number.
 */
@ApplicationScoped
public class ClientOverviewService {

    private final RehabAccess access;
    private final AssignmentService assignments;
    private final GoalService goals;
    private final EntityManager em;
    private final AccessLog accessLog;

    public ClientOverviewService(RehabAccess access, AssignmentService assignments, GoalService goals, EntityManager em,
            AccessLog accessLog) {
        this.accessLog = accessLog;
        this.access = access;
        this.assignments = assignments;
        this.goals = goals;
        this.em = em;
    }

    /** A specialist's dashboard: the most urgent clients, and how many submitted assignments of all their clients wait. */
    public record Dashboard(List<ClientListItem> mostUrgent, long waitingReviews) {}

    /** The dashboard's share, from one reading of the client list (the waiting count is the list's SUBMITTED counts). */
    public Dashboard dashboard(Caller caller, int limit) {
        List<ClientListItem> all = clients(caller);
        long waiting = all.stream().mapToLong(c -> c.counts().getOrDefault(AssignmentStatus.SUBMITTED, 0L)).sum();
        return new Dashboard(all.stream().limit(limit).toList(), waiting);
    }

    /** The clients the caller follows (staff only), the most urgent first. */
    public List<ClientListItem> clients(Caller caller) {
        if (!caller.isStaff()) {
            throw ApiException.forbidden("followup.staff-only");
        }
        List<User> users = access.followedClients(caller);
        if (users.isEmpty()) {
            return List.of();
        }
        List<Long> ids = users.stream().map(u -> u.id).toList();
        accessLog.recordEach(caller, ids, AccessKind.CLIENT_LIST);
        LocalDate today = Signals.today();
        IdList in = IdList.of(ids, 1);
        Map<Long, PeriodSummary> periods = currentPeriods(in, today);
        Map<Long, Map<AssignmentStatus, Long>> counts = new HashMap<>();
        Map<Long, Instant> lastActivity = new HashMap<>();
        for (Object[] row : in.bind(em.createQuery("select a.clientId, a.status, count(a), max(a.lastActivityAt) from Assignment a"
                + " where " + in.in("a.clientId") + " group by a.clientId, a.status", Object[].class)).getResultList()) {
            Long clientId = (Long) row[0];
            counts.computeIfAbsent(clientId, k -> emptyCounts()).put((AssignmentStatus) row[1], (Long) row[2]);
            lastActivity.merge(clientId, row[3] == null ? Instant.EPOCH : (Instant) row[3], (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<Long, Integer> pain = in.bind(em.createQuery("select e.clientId, max(e.pain) from ExerciseLog e"
                        + " where " + in.in("e.clientId") + " and e.doneOn >= ?" + in.next() + " and e.pain is not null group by e.clientId",
                        Object[].class))
                .setParameter(in.next(), Signals.painWindowStart(today)).getResultList().stream()
                .collect(Collectors.toMap(r -> (Long) r[0], r -> (Integer) r[1]));
        Map<Long, List<QuestionnaireResult>> results = QuestionnaireResult.<QuestionnaireResult>list(in.in("clientId"), in.after())
                .stream().collect(Collectors.groupingBy(r -> r.clientId));
        List<ClientListItem> items = new ArrayList<>();
        for (User u : users) {
            Instant last = lastActivity.get(u.id);
            last = Instant.EPOCH.equals(last) ? null : last;
            PeriodSummary current = periods.get(u.id);
            List<Flag> flags = Signals.flags(today, current == null ? null : current.startsOn(), last, pain.get(u.id),
                    Signals.trends(results.getOrDefault(u.id, List.of())));
            items.add(new ClientListItem(u.id, u.displayName, u.username, current,
                    counts.getOrDefault(u.id, emptyCounts()), last, Signals.daysSince(last, today), flags));
        }
        items.sort(BY_URGENCY);
        return items;
    }

    /** Most urgent flag first, then more flags, then the longest without activity, then by name. */
    static final Comparator<ClientListItem> BY_URGENCY = Comparator.comparingInt(ClientListItem::urgency).reversed()
            .thenComparing(c -> c.flags().size(), Comparator.reverseOrder())
            .thenComparing(c -> c.lastActivityAt() == null ? Instant.EPOCH : c.lastActivityAt())
            .thenComparing(ClientListItem::name, String.CASE_INSENSITIVE_ORDER);

    /** Longest without activity first (never active before anyone), then by name. */
    static final Comparator<ClientListItem> BY_INACTIVITY = Comparator
            .comparing((ClientListItem c) -> c.lastActivityAt() == null ? Instant.EPOCH : c.lastActivityAt())
            .thenComparing(ClientListItem::name, String.CASE_INSENSITIVE_ORDER);

    static final Comparator<ClientListItem> BY_NAME = Comparator.comparing(ClientListItem::name, String.CASE_INSENSITIVE_ORDER);

    /** One client's rehabilitation at a glance; 404 for clients and for clients the caller does not follow. */
    public ClientOverview overview(Caller caller, Long clientId, String lang) {
        return overview(caller, clientId, lang, AccessKind.OVERVIEW_READ);
    }

    /** The overview, logged as {@code kind} (a summary is built on it and logged as what it is). */
    public ClientOverview overview(Caller caller, Long clientId, String lang, AccessKind kind) {
        return read(caller, clientId, lang, kind).overview();
    }

    /**
     * The overview with the questionnaire results it was made from, for pages that show more of them (the course
     * measures) without reading them a second time.
     */
    record Read(ClientOverview overview, List<QuestionnaireResult> results, List<DiaryEntry> diary) {}

    Read read(Caller caller, Long clientId, String lang, AccessKind kind) {
        User client = access.requireClient(caller, clientId);
        access.requireStaffFor(caller, clientId);
        accessLog.record(caller, clientId, kind);
        LocalDate today = Signals.today();
        List<PeriodView> periods = Period.listByClient(clientId).stream().map(PeriodView::from).toList();
        PeriodView current = periods.stream().filter(p -> !today.isBefore(p.startsOn()) && !today.isAfter(p.endsOn()))
                .findFirst().orElse(null);
        List<AssignmentView> list = assignments.list(caller, clientId, lang);
        Map<AssignmentStatus, Long> counts = emptyCounts();
        list.forEach(a -> counts.merge(a.status(), 1L, Long::sum));
        Instant last = list.stream().map(AssignmentView::lastActivityAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        ProgressRows progress = ProgressRows.of(clientId);
        List<ExerciseLog> logs = progress.logs();
        LocalDate painSince = Signals.painWindowStart(today);
        Integer recentPain = logs.stream().filter(l -> !l.doneOn.isBefore(painSince)).map(l -> l.pain)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        List<QuestionnaireResult> results = progress.results();
        List<QuestionnaireTrend> trends = Signals.trends(results);
        List<Flag> flags = Signals.flags(today, current == null ? null : current.startsOn(), last, recentPain, trends);
        return new Read(new ClientOverview(client.id, client.displayName, client.username, current, periods, counts, last,
                Signals.daysSince(last, today), flags, list, painEffort(logs), trends, goals.gas(caller, clientId)), results,
                progress.diary());
    }

    /** Days with sessions that logged pain and effort; a relaxation exercise asks neither and is not drawn as 0. */
    private static List<PainEffortPoint> painEffort(List<ExerciseLog> logs) {
        Map<LocalDate, List<ExerciseLog>> byDay = logs.stream().filter(l -> l.pain != null || l.effort != null)
                .collect(Collectors.groupingBy(l -> l.doneOn, TreeMap::new, Collectors.toList()));
        return byDay.entrySet().stream().map(e -> new PainEffortPoint(e.getKey(),
                e.getValue().stream().map(l -> l.pain).filter(Objects::nonNull).mapToInt(Integer::intValue).max().orElse(0),
                e.getValue().stream().map(l -> l.effort).filter(Objects::nonNull).mapToInt(Integer::intValue).max().orElse(0),
                e.getValue().size())).toList();
    }

    /** Each client's current period (the latest started, if several overlap), without its specialists. */
    private Map<Long, PeriodSummary> currentPeriods(IdList in, LocalDate today) {
        Map<Long, PeriodSummary> current = new HashMap<>();
        int day = in.next();
        in.bind(em.createQuery("select p.clientId, p.id, p.serviceType, p.startsOn, p.endsOn from Period p where "
                        + in.in("p.clientId") + " and p.startsOn <= ?" + day + " and p.endsOn >= ?" + day
                        + " order by p.startsOn, p.id", Object[].class))
                .setParameter(day, today).getResultList()
                .forEach(r -> current.put((Long) r[0], new PeriodSummary((Long) r[1], (String) r[2], (LocalDate) r[3], (LocalDate) r[4])));
        return current;
    }

    private static Map<AssignmentStatus, Long> emptyCounts() {
        Map<AssignmentStatus, Long> counts = new EnumMap<>(AssignmentStatus.class);
        for (AssignmentStatus s : AssignmentStatus.values()) {
            counts.put(s, 0L);
        }
        return counts;
    }
}
