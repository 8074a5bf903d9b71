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
            row.setsDone = log.path("sets").isNull() ? null : log.path("sets").asInt();
            row.repsDone = log.path("reps").isNull() ? null : log.path("reps").asInt();
            row.minutesDone = log.path("minutes").isNull() ? null : log.path("minutes").asInt();
            row.effort = log.path("effort").asInt();
            row.pain = log.path("pain").asInt();
            row.persist();
        }
    }
}
