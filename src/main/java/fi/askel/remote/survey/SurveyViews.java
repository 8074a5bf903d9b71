package fi.askel.remote.survey;

import fi.askel.remote.survey.SurveyAnswer.Phase;
import fi.askel.remote.survey.SurveyAnswer.Problem;
import fi.askel.remote.survey.SurveyAnswer.Statement;
import fi.askel.remote.survey.SurveyAnswer.Technical;
import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Requests and views of the experience survey. */
public final class SurveyViews {

    private SurveyViews() {}

    /** Every statement scored 1–5, how many technical problems and which, and optional free text. */
    public record SaveSurveyRequest(Map<Statement, Integer> scores, Technical technical, List<Problem> problems, String freeText) {}

    /** {@code freeText} is null where the reader may not see it (anyone but the client and their own specialists). */
    @TemplateData
    public record AnswerView(Long periodId, Phase phase, Map<Statement, Integer> scores, Technical technical,
            List<Problem> problems, String freeText, Instant answeredAt, Instant updatedAt) {

        static AnswerView of(SurveyAnswer a, boolean withFreeText) {
            return new AnswerView(a.periodId, a.phase, a.scores(), a.technical, a.problems(), withFreeText ? a.freeText : null,
                    a.answeredAt, a.updatedAt);
        }
    }

    /**
     * One period's survey at one phase for its client: when it opens, the last day it can be answered or
     * changed, whether it is open now and due on the dashboard, and the answer if given.
     */
    @TemplateData
    public record SurveyView(Long periodId, Phase phase, LocalDate opensOn, LocalDate closesOn, boolean open, boolean due,
            AnswerView answer) {}

    /** A statement's results in one group of answers; null numbers when the group is too small to show. */
    @TemplateData
    public record StatementResult(Statement statement, String mean, Long agreePercent) {}

    /** One group (a phase, or all answers): how many answered, and its results unless fewer than the threshold did. */
    @TemplateData
    public record GroupResult(String group, long answers, boolean suppressed, List<StatementResult> statements,
            Map<Technical, Long> technical, Map<Problem, Long> problems) {}

    @TemplateData
    public record Summary(int threshold, List<GroupResult> groups, String chartSvg) {}
}
