package fi.askel.rehab;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.content.steps.GoalStep;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.privacy.AccessKind;
import fi.askel.privacy.AccessLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** GAS goals set together by the client and the specialist, and their ratings at three phases. */
@ApplicationScoped
public class GoalService {

    public static final List<String> LEVELS = GoalStep.LEVELS;

    public record CreateGoalRequest(String title, Integer weight, Map<String, String> levels, Long periodId) {}

    public record RatingRequest(Integer score, GasRating.Phase phase) {}

    /** {@code ratings} are the specialist's (they make the T-score); {@code selfRatings} the client's own, midpoint and end. */
    public record GoalView(Long id, Long clientId, Long periodId, String title, int weight, Map<String, String> levels,
            Map<GasRating.Phase, Integer> ratings, Map<GasRating.Phase, Integer> selfRatings) {}

    public record GasView(Double tScore, GasRating.Phase latestPhase, Map<GasRating.Phase, Double> byPhase,
            List<GoalView> goals) {}

    private final RehabAccess access;
    private final PeriodService periods;
    private final AccessLog accessLog;

    public GoalService(RehabAccess access, PeriodService periods, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.access = access;
        this.periods = periods;
    }

    /** Staff responsible for the client, or the client for themselves. */
    @Transactional
    public GasGoal create(Caller caller, Long clientId, CreateGoalRequest req) {
        access.requireClient(caller, clientId);
        List<FieldError> errors = new ArrayList<>();
        if (req.title() == null || req.title().isBlank() || req.title().length() > 300) {
            errors.add(new FieldError("title", "rehab.goal.title-invalid"));
        }
        if (req.weight() == null || req.weight() < 1 || req.weight() > 4) {
            errors.add(new FieldError("weight", "rehab.goal.weight-invalid"));
        }
        Map<String, String> levels = req.levels() == null ? Map.of() : req.levels();
        for (String level : LEVELS) {
            String text = levels.get(level);
            if (text == null || text.isBlank() || text.length() > 1000) {
                errors.add(new FieldError("levels." + level, "rehab.goal.level-required"));
            }
        }
        levels.keySet().stream().filter(k -> !LEVELS.contains(k))
                .forEach(k -> errors.add(new FieldError("levels." + k, "answer.unknown-item")));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Period period = caller.role() == Role.CLIENT
                ? Period.listByClient(clientId).stream().findFirst().orElseThrow(() -> ApiException.conflict("no-period", "rehab.period.none"))
                : periods.periodFor(caller, clientId, req.periodId());
        GasGoal g = new GasGoal();
        g.clientId = clientId;
        g.periodId = period.id;
        g.title = req.title().trim();
        g.weight = req.weight();
        g.levelMinus2 = levels.get("-2").trim();
        g.levelMinus1 = levels.get("-1").trim();
        g.level0 = levels.get("0").trim();
        g.levelPlus1 = levels.get("1").trim();
        g.levelPlus2 = levels.get("2").trim();
        g.createdBy = caller.id();
        g.createdAt = Instant.now();
        g.persist();
        accessLog.record(caller, clientId, AccessKind.GOAL_CHANGED);
        return g;
    }

    /**
     * Staff rate a goal at any phase (the rating the T-score is made of); the client rates their own goal at the
     * midpoint and the end, kept apart and shown beside the specialist's. Answers the goal.
     */
    @Transactional
    public GasGoal rate(Caller caller, Long goalId, RatingRequest req) {
        // The goal's row is locked first (SELECT … FOR UPDATE), so ratings of one goal take turns: a form sent twice by a
        // double click finds the first's rating and changes it, instead of both adding one and the second failing.
        GasGoal goal = goalId == null ? null : GasGoal.findById(goalId, LockModeType.PESSIMISTIC_WRITE);
        if (goal == null || !access.canSeeClient(caller, goal.clientId)) {
            throw ApiException.notFound("goal");
        }
        boolean self = caller.role() == Role.CLIENT;
        List<FieldError> errors = new ArrayList<>();
        if (req.score() == null || req.score() < -2 || req.score() > 2) {
            errors.add(new FieldError("score", "rehab.goal.score-invalid"));
        }
        if (req.phase() == null) {
            errors.add(new FieldError("phase", "rehab.goal.phase-invalid"));
        } else if (self && req.phase() == GasRating.Phase.BASELINE) {
            errors.add(new FieldError("phase", "rehab.goal.self-phase-invalid"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (self) {
            GasSelfRating r = GasSelfRating.findById(new GasRating.Key(goal.id, req.phase()));
            if (r == null) {
                r = new GasSelfRating();
                r.goalId = goal.id;
                r.phase = req.phase();
                r.score = req.score();
                r.ratedAt = Instant.now();
                r.persist();
            } else if (r.score != req.score()) {
                r.score = req.score();
                r.ratedAt = Instant.now();
            }
            return goal;
        }
        GasRating r = GasRating.findById(new GasRating.Key(goal.id, req.phase()));
        boolean isNew = r == null;
        if (isNew) {
            r = new GasRating();
            r.goalId = goal.id;
            r.phase = req.phase();
        }
        r.score = req.score();
        r.ratedBy = caller.id();
        r.ratedAt = Instant.now();
        if (isNew) {
            r.persist();
        }
        accessLog.record(caller, goal.clientId, AccessKind.GOAL_CHANGED);
        return goal;
    }

    public List<GoalView> goals(Caller caller, Long clientId) {
        access.checkClient(caller, clientId);
        accessLog.record(caller, clientId, AccessKind.GOALS_READ);
        // The goals with the specialist's and the client's own ratings in one query (a goal without ratings comes with
        // nulls; each rating comes once per rating of the other kind, at most three times two rows a goal).
        Map<GasGoal, List<GasRating>> goals = new LinkedHashMap<>();
        Map<Long, Map<GasRating.Phase, Integer>> own = new java.util.HashMap<>();
        for (Object[] row : GasGoal.getEntityManager().createQuery("select g, r, s from GasGoal g left join GasRating r"
                + " on r.goalId = g.id left join GasSelfRating s on s.goalId = g.id where g.clientId = :client order by g.id",
                Object[].class).setParameter("client", clientId).getResultList()) {
            GasGoal goal = (GasGoal) row[0];
            List<GasRating> ratings = goals.computeIfAbsent(goal, g -> new ArrayList<>());
            if (row[1] != null && !ratings.contains(row[1])) {
                ratings.add((GasRating) row[1]);
            }
            if (row[2] instanceof GasSelfRating s) {
                own.computeIfAbsent(goal.id, k -> new EnumMap<>(GasRating.Phase.class)).put(s.phase, s.score);
            }
        }
        return goals.entrySet().stream().map(e -> view(e.getKey(), e.getValue(), own.getOrDefault(e.getKey().id, Map.of())))
                .toList();
    }

    public GasView gas(Caller caller, Long clientId) {
        List<GoalView> goals = goals(caller, clientId);
        Map<GasRating.Phase, Double> byPhase = new EnumMap<>(GasRating.Phase.class);
        GasRating.Phase latest = null;
        for (GasRating.Phase phase : GasRating.Phase.values()) {
            List<GasScore.Rated> rated = goals.stream().filter(g -> g.ratings().containsKey(phase))
                    .map(g -> new GasScore.Rated(g.weight(), g.ratings().get(phase))).toList();
            byPhase.put(phase, GasScore.tScore(rated));
            if (!rated.isEmpty()) {
                latest = phase;
            }
        }
        return new GasView(latest == null ? null : byPhase.get(latest), latest, byPhase, goals);
    }

    static GoalView view(GasGoal g, List<GasRating> ratings) {
        return view(g, ratings, Map.of());
    }

    static GoalView view(GasGoal g, List<GasRating> ratings, Map<GasRating.Phase, Integer> selfRatings) {
        Map<String, String> levels = new LinkedHashMap<>();
        levels.put("-2", g.levelMinus2);
        levels.put("-1", g.levelMinus1);
        levels.put("0", g.level0);
        levels.put("1", g.levelPlus1);
        levels.put("2", g.levelPlus2);
        Map<GasRating.Phase, Integer> byPhase = new EnumMap<>(GasRating.Phase.class);
        ratings.forEach(r -> byPhase.put(r.phase, r.score));
        Map<GasRating.Phase, Integer> own = new EnumMap<>(GasRating.Phase.class);
        own.putAll(selfRatings);
        return new GoalView(g.id, g.clientId, g.periodId, g.title, g.weight, levels, byPhase, own);
    }
}
