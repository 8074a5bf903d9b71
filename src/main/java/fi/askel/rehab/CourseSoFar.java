package fi.askel.rehab;

import fi.askel.common.Dates;
import fi.askel.content.Module;
import fi.askel.content.steps.Step;
import fi.askel.identity.Caller;
import fi.askel.rehab.GoalService.GoalView;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client built during the course, shown read-only above a plan step's fields: their goals of the
 * period with the latest rating (their own and the specialist's) and the exercises they logged most in the period.
 * Read in the page's transaction with two queries (goals with ratings; logs counted per exercise).
 */
@TemplateData
public record CourseSoFar(List<GoalLine> goals, List<ExerciseLine> exercises) {

    /** How many of the most logged exercises are shown. */
    static final int TOP_EXERCISES = 3;

    /** A goal; a rating is null where none was given. */
    @TemplateData
    public record GoalLine(String title, Rating own, Rating specialist) {}

    /** The latest rating: its phase (for {@code phase.<PHASE>}) and the level reached, e.g. "+1: Kävelen…". */
    @TemplateData
    public record Rating(String phase, String level) {}

    /** An exercise the client logged: how many times in the period, and when last. */
    @TemplateData
    public record ExerciseLine(String title, String module, long times, String lastOn) {}

    public boolean isEmpty() {
        return goals.isEmpty() && exercises.isEmpty();
    }

    /** Reads it for the client of an assignment, within its rehabilitation period. */
    @ApplicationScoped
    public static class Reader {

        private final GoalService goals;
        private final AssignmentService assignments;

        public Reader(GoalService goals, AssignmentService assignments) {
            this.goals = goals;
            this.assignments = assignments;
        }

        public CourseSoFar of(Caller caller, Assignment a, String lang) {
            List<GoalLine> goalLines = goals.goals(caller, a.clientId).stream().filter(g -> a.periodId.equals(g.periodId()))
                    .map(g -> new GoalLine(g.title(), latest(g, g.selfRatings()), latest(g, g.ratings()))).toList();
            return new CourseSoFar(goalLines, exercises(a, lang));
        }

        private static Rating latest(GoalView g, Map<GasRating.Phase, Integer> ratings) {
            GasRating.Phase phase = null;
            for (GasRating.Phase p : GasRating.Phase.values()) {
                phase = ratings.containsKey(p) ? p : phase;
            }
            if (phase == null) {
                return null;
            }
            int score = ratings.get(phase);
            return new Rating(phase.name(), OwnGoalPage.signed(score) + ": " + g.levels().get(String.valueOf(score)));
        }

        /** The exercises logged most in the period (the same exercise in two assignments of a module counts once). */
        private List<ExerciseLine> exercises(Assignment a, String lang) {
            record Count(Assignment assignment, String stepKey, long times, LocalDate lastOn) {}
            List<Count> counts = Assignment.getEntityManager().createQuery("select s, l.stepKey, count(l), max(l.doneOn)"
                    + " from ExerciseLog l join Assignment s on s.id = l.assignmentId where l.clientId = :client"
                    + " and s.periodId = :period group by s, l.stepKey", Object[].class)
                    .setParameter("client", a.clientId).setParameter("period", a.periodId).getResultList().stream()
                    .map(r -> new Count((Assignment) r[0], (String) r[1], (Long) r[2], (LocalDate) r[3])).toList();
            Map<String, ExerciseLine> byExercise = new LinkedHashMap<>();
            Map<String, LocalDate> last = new LinkedHashMap<>();
            for (Count c : counts) {
                Module module = assignments.module(c.assignment());
                Step step = module.step(c.stepKey()).orElse(null);
                if (step == null) {
                    continue;
                }
                String id = module.slug() + "/" + c.stepKey();
                ExerciseLine before = byExercise.get(id);
                LocalDate lastOn = before == null || c.lastOn().isAfter(last.get(id)) ? c.lastOn() : last.get(id);
                last.put(id, lastOn);
                byExercise.put(id, new ExerciseLine(step.title().get(lang), module.title().get(lang),
                        c.times() + (before == null ? 0 : before.times()), Dates.date(lastOn, lang)));
            }
            return byExercise.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<String, ExerciseLine> e) -> -e.getValue().times())
                            .thenComparing(e -> last.get(e.getKey()), Comparator.reverseOrder()))
                    .limit(TOP_EXERCISES).map(Map.Entry::getValue).toList();
        }
    }
}
