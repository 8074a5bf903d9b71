package fi.askel.remote.survey;

import fi.askel.common.Dates;

import fi.askel.identity.DemoAccounts;
import fi.askel.remote.survey.SurveyAnswer.Phase;
import fi.askel.remote.survey.SurveyAnswer.Problem;
import fi.askel.remote.survey.SurveyAnswer.Statement;
import fi.askel.remote.survey.SurveyAnswer.Technical;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Demo survey answers (askel.demo=true only), so the admin's results have something to show: thirteen
 * anonymised answers stand for clients of earlier periods whose data has since been erased (client, period
 * and free text removed, as erasure leaves them): ten of rehabilitation courses, three of individual
 * rehabilitation. The results then show a chart, and filtering by "individual rehabilitation" shows how a
 * group under five is hidden. The demo clients' own surveys fall due at their periods' mid-point.
 */
@ApplicationScoped
public class SurveyDemoData {

    /** Scores for the five statements, technical problems, problems: one earlier course member's answer. */
    private record Earlier(int[] scores, Technical technical, List<Problem> problems) {}

    private static final List<Earlier> EARLIER = List.of(
            new Earlier(new int[] {5, 4, 5, 5, 4}, Technical.NONE, List.of()),
            new Earlier(new int[] {4, 4, 5, 4, 4}, Technical.SOME, List.of(Problem.SOUND)),
            new Earlier(new int[] {3, 3, 4, 4, 3}, Technical.SOME, List.of(Problem.CONNECTION)),
            new Earlier(new int[] {5, 5, 5, 4, 5}, Technical.NONE, List.of()),
            new Earlier(new int[] {4, 3, 4, 3, 4}, Technical.MANY, List.of(Problem.PICTURE, Problem.SIGN_IN)),
            new Earlier(new int[] {4, 4, 4, 5, 5}, Technical.NONE, List.of()));

    @Transactional
    void seed(@Observes @Priority(5000) DemoAccounts accounts) {
        LocalDate today = Dates.today();
        for (int i = 0; i < 13; i++) {
            Earlier e = EARLIER.get(i % EARLIER.size());
            answer(i < 10 ? "REHAB_COURSE" : "INDIVIDUAL", i % 2 == 0 ? Phase.MIDPOINT : Phase.END, today.minusWeeks(30 - i),
                    e.scores(), e.technical(), e.problems());
        }
    }

    private static void answer(String serviceType, Phase phase, LocalDate day, int[] scores, Technical technical,
            List<Problem> problems) {
        SurveyAnswer a = new SurveyAnswer();
        a.serviceType = serviceType;
        a.phase = phase;
        Map<Statement, Integer> s = new EnumMap<>(Statement.class);
        for (Statement st : Statement.values()) {
            s.put(st, scores[st.ordinal()]);
        }
        a.scores(s);
        a.technical = technical;
        a.problems(problems);
        a.answeredAt = day.atTime(LocalTime.of(18, 30)).atZone(SurveyService.ZONE).toInstant();
        a.updatedAt = a.answeredAt;
        a.persist();
    }
}
