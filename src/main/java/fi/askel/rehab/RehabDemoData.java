package fi.askel.rehab;

import fi.askel.common.Dates;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.askel.identity.Caller;
import fi.askel.identity.DemoAccounts;
import fi.askel.identity.User;
import fi.askel.rehab.measures.CourseMeasures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Demo rehabilitation (askel.demo=true only): both demo clients in a period with demo-specialist,
 * with work at different stages, so every page has something real to show: the course's WHO-5 start measure answered
 * (its end measure opens in the last week), five nights of sleep diary and a week of exercise log for the specialist's
 * charts, and for demo-client the closing module "After the course".
 */
@ApplicationScoped
public class RehabDemoData {

    /**
     * A demo period was opened: the remote feature records its suitability assessment as the specialist
     * would, before any work is assigned (remote work waits for one; see {@link RemoteWorkGate}).
     */
    public record DemoPeriodOpened(Caller specialist, Long clientId, Long periodId) {}

    private final PeriodService periods;
    private final AssignmentService assignments;
    private final AnswerStore answers;
    private final ReviewService reviews;
    private final GoalService goals;
    private final ObjectMapper json;
    private final Event<DemoPeriodOpened> periodOpened;
    private final CourseMeasures measures;

    public RehabDemoData(PeriodService periods, AssignmentService assignments, AnswerStore answers, ReviewService reviews,
            GoalService goals, ObjectMapper json, Event<DemoPeriodOpened> periodOpened, CourseMeasures measures) {
        this.measures = measures;
        this.periodOpened = periodOpened;
        this.periods = periods;
        this.assignments = assignments;
        this.answers = answers;
        this.reviews = reviews;
        this.goals = goals;
        this.json = json;
    }

    void seed(@Observes DemoAccounts accounts) {
        Caller specialist = Caller.of(accounts.get("demo-specialist"));
        LocalDate today = Dates.today();
        // The demo course starts and ends with WHO-5: each client gets both as soon as their period is assessed.
        measures.set(Caller.of(accounts.get("demo-admin")), "REHAB_COURSE",
                new CourseMeasures.SetRequest(List.of("wellbeing-who5"), List.of("wellbeing-who5")), "fi");
        for (String username : List.of("demo-client", "demo-client2")) {
            User client = accounts.get(username);
            Caller me = Caller.of(client);
            Period period = periods.create(specialist, new PeriodService.CreatePeriodRequest(client.id, "REHAB_COURSE",
                    today.minusWeeks(3), today.plusWeeks(9), List.of(), null));
            periodOpened.fire(new DemoPeriodOpened(specialist, client.id, period.id));
            Assignment ready = assignments.assign(specialist, new AssignmentViews.CreateAssignmentRequest(client.id,
                    "getting-ready", null, null, null, null));
            Assignment who5 = Assignment.find("periodId = ?1 and measure = ?2", period.id, Assignment.Measure.START).firstResult();
            Assignment sleep = assignments.assign(specialist, new AssignmentViews.CreateAssignmentRequest(client.id,
                    "sleep-and-recovery", today.plusDays(10), null, "Aloita rauhassa, yksi vaihe kerrallaan.", null));
            Assignment back = assignments.assign(specialist, new AssignmentViews.CreateAssignmentRequest(client.id,
                    "back-and-neck", today.plusDays(14), null, null, null));

            answers.save(me, who5.id, "about-who5", node(Map.of("read", true)), true);
            answers.save(me, who5.id, "who-5", node(Map.of("values", Map.of("cheerful", 2, "calm", 2, "active", 1,
                    "rested", 2, "interesting-life", 3))), true);
            answers.save(me, who5.id, "what-affects", node(Map.of("text",
                    "Olen ollut väsynyt, mutta odotan kuntoutukselta paljon.")), true);
            answers.submit(me, who5.id);
            reviews.review(specialist, who5.id, "APPROVED", "Kiitos vastauksista. Palataan näihin tapaamisessa.");

            answers.save(me, ready.id, "welcome", node(Map.of("read", true)), true);
            answers.save(me, back.id, "chin-tuck", node(Map.of("logs", exerciseLog(today))), false);
            answers.save(me, sleep.id, "sleep-diary", node(Map.of("logs", sleepDiary(today))), false);
            if (username.equals("demo-client")) {
                assignments.assign(specialist, new AssignmentViews.CreateAssignmentRequest(client.id, "after-the-course",
                        period.endsOn, null, null, null));
            }

            GasGoal goal = goals.create(specialist, client.id, new GoalService.CreateGoalRequest(
                    "Kävelen kauppaan ilman taukoja", 2, Map.of("-2", "En pysty kävelemään kauppaan",
                    "-1", "Kävelen kauppaan kahdella tauolla", "0", "Kävelen kauppaan yhdellä tauolla",
                    "1", "Kävelen kauppaan ilman taukoa", "2", "Kävelen kauppaan ja takaisin ilman taukoa"), null));
            goals.rate(specialist, goal.id, new GoalService.RatingRequest(-1, GasRating.Phase.BASELINE));
        }
    }

    /** Five sessions over the past week, getting a little easier. */
    private static List<Map<String, Object>> exerciseLog(LocalDate today) {
        return List.of(5, 4, 3, 2, 1).stream().<Map<String, Object>>map(daysAgo -> Map.of("date", today.minusDays(daysAgo).toString(),
                "sets", 2, "reps", daysAgo > 3 ? 8 : 10, "effort", Math.min(5, 2 + daysAgo / 2), "pain", Math.min(4, 1 + daysAgo / 2))).toList();
    }

    /** The past five nights: falling asleep faster and resting better as the routine settles. */
    private static List<Map<String, Object>> sleepDiary(LocalDate today) {
        return List.of(5, 4, 3, 2, 1).stream().<Map<String, Object>>map(daysAgo -> Map.of("date", today.minusDays(daysAgo).toString(),
                "bedtime", daysAgo > 3 ? "23:40" : "22:45", "minutesToSleep", 10 + 8 * daysAgo, "wakings", daysAgo > 2 ? 2 : 1,
                "riseTime", "06:50", "rested", daysAgo > 3 ? 2 : 3 + (daysAgo == 1 ? 1 : 0))).toList();
    }

    private com.fasterxml.jackson.databind.JsonNode node(Object value) {
        return json.valueToTree(value);
    }
}
