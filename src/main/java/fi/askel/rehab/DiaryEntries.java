package fi.askel.rehab;

import com.fasterxml.jackson.databind.JsonNode;
import fi.askel.content.steps.DiaryStep;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a diary step's rows in step with its answer. Only what changed is written: an autosave or a retried save of
 * the same entries writes nothing, and adding a night writes one row.
 */
final class DiaryEntries {

    private DiaryEntries() {}

    static void replace(Assignment a, DiaryStep step, JsonNode normal, Instant now) {
        Map<String, DiaryEntry> old = new HashMap<>();
        List<DiaryEntry> saved = DiaryEntry.list("assignmentId = ?1 and stepKey = ?2", a.id, step.key());
        saved.forEach(e -> old.put(e.entryKey, e));
        for (JsonNode log : normal.path("logs")) {
            String key = step.log().keyOf(log);
            String text = log.toString();
            DiaryEntry row = old.remove(key);
            if (row != null && row.entry.equals(text)) {
                continue;
            }
            if (row == null) {
                row = new DiaryEntry();
                row.assignmentId = a.id;
                row.clientId = a.clientId;
                row.stepKey = step.key();
                row.logKind = step.log().id;
                row.entryKey = key;
            }
            row.entryOn = LocalDate.parse(log.path(step.log().fields.get(0).name()).asText());
            row.entry = text;
            row.savedAt = now;
            if (!row.isPersistent()) {
                row.persist();
            }
        }
        old.values().forEach(e -> e.delete());
    }
}
