package fi.askel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import fi.askel.content.steps.DiaryStep;
import fi.askel.content.steps.ExerciseStep;
import fi.askel.content.steps.QuestionnaireStep;
import fi.askel.content.steps.Step;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The rows a save copies out of an answer for trends, charts and flags, as {@code rehab.AnswerStore} writes them:
 * each logged exercise day ({@code exercise_log}), each diary entry ({@code diary_entry}) and each questionnaire's
 * score ({@code questionnaire_result}, scored by the step itself).
 */
final class AnswerRows {

    private interface Each {
        void row(Rows rows, int j, int k, Step step, JsonNode answer) throws SQLException;
    }

    private final Context c;
    private final Work work;

    AnswerRows(Context c, Work work) {
        this.c = c;
        this.work = work;
    }

    void write() throws SQLException {
        table("exercise_log", "assignment_id,client_id,step_key,done_on,sets_done,reps_done,minutes_done,effort,pain",
                ExerciseStep.class, (rows, j, k, step, answer) -> {
                    for (JsonNode log : answer.path("logs")) {
                        rows.add(work.assignmentId(j), work.clientIdOf(j), step.key(), LocalDate.parse(log.path("date").asText()),
                                number(log, "sets"), number(log, "reps"), number(log, "minutes"), number(log, "effort"),
                                number(log, "pain"));
                    }
                });
        table("diary_entry", "assignment_id,client_id,step_key,log_kind,entry_key,entry_on,entry,saved_at", DiaryStep.class,
                (rows, j, k, step, answer) -> {
                    DiaryStep.Log log = ((DiaryStep) step).log();
                    for (JsonNode entry : answer.path("logs")) {
                        rows.add(work.assignmentId(j), work.clientIdOf(j), step.key(), log.id, log.keyOf(entry),
                                LocalDate.parse(entry.path(log.fields.get(0).name()).asText()), entry.toString(), work.savedAt(j));
                    }
                });
        table("questionnaire_result", "assignment_id,step_key,client_id,instrument,score,max_score,higher_is_better,recorded_at",
                QuestionnaireStep.class, (rows, j, k, step, answer) -> {
                    QuestionnaireStep q = (QuestionnaireStep) step;
                    Map<String, Integer> values = new HashMap<>();
                    answer.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asInt()));
                    rows.add(work.assignmentId(j), step.key(), work.clientIdOf(j), q.instrument(), q.score(values),
                            q.maxScore(), q.scoring().higherIsBetter(), work.savedAt(j));
                });
    }

    /** One table, in two passes over the answers of the step type: the rows it will get (for the bar), then the rows. */
    private void table(String table, String columns, Class<? extends Step> type, Each each) throws SQLException {
        Rows counter = Rows.counting();
        forEach(type, counter, each);
        try (Rows rows = c.rows(table, columns, counter.written())) {
            forEach(type, rows, each);
        }
    }

    private void forEach(Class<? extends Step> type, Rows rows, Each each) throws SQLException {
        for (int j = 0; j < c.scale().assignments(); j++) {
            for (int k = 0; k < work.answered(j); k++) {
                Step step = work.step(j, k);
                if (type.isInstance(step)) {
                    each.row(rows, j, k, step, work.answer(j, k));
                }
            }
        }
    }

    private static Integer number(JsonNode log, String field) {
        JsonNode n = log.path(field);
        return n.isMissingNode() || n.isNull() ? null : n.asInt();
    }
}
