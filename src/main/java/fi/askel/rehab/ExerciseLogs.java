package fi.askel.rehab;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;

/** Copies an exercise step's log into rows that trends and flags can query. */
final class ExerciseLogs {

    private ExerciseLogs() {}

    static void replace(Assignment a, String stepKey, JsonNode normal) {
        ExerciseLog.deleteByStep(a.id, stepKey);
        for (JsonNode log : normal.path("logs")) {
            ExerciseLog row = new ExerciseLog();
            row.assignmentId = a.id;
            row.clientId = a.clientId;
            row.stepKey = stepKey;
            row.doneOn = LocalDate.parse(log.path("date").asText());
            row.setsDone = number(log, "sets");
            row.repsDone = number(log, "reps");
            row.minutesDone = number(log, "minutes");
            row.effort = number(log, "effort");
            row.pain = number(log, "pain");
            row.persist();
        }
    }

    /** The field's number, or null where the entry has none (not given, or not asked by the step). */
    private static Integer number(JsonNode log, String field) {
        JsonNode v = log.path(field);
        return v.isInt() ? v.asInt() : null;
    }
}
