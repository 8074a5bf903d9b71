package fi.askel.content.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Which saved entry of a log an entry replaces: entries are matched by their key fields (a diary's day, a sleep
 * log's night), in normal form, so a day typed again replaces that day's entry instead of adding a second one.
 */
final class LogEntryKeys {

    private LogEntryKeys() {}

    /**
     * Puts {@code entry} in place of the entry at {@code at} (none when out of range) and of any other with its key
     * (none without key fields): the first such entry's place is kept, the others go.
     */
    static void upsert(List<LogEntries.Field> fields, List<String> keyFields, ArrayNode logs, int at, JsonNode entry) {
        at = at >= 0 && at < logs.size() ? at : -1;
        if (!keyFields.isEmpty()) {
            String key = key(fields, keyFields, entry);
            for (int i = logs.size() - 1; i >= 0; i--) {
                if (i == at || !key.equals(key(fields, keyFields, logs.get(i)))) {
                    continue;
                }
                if (at == -1) {
                    at = i;
                } else {
                    logs.remove(i);
                    if (i < at) {
                        at--;
                    }
                }
            }
        }
        if (at >= 0) {
            logs.set(at, entry);
        } else {
            logs.add(entry);
        }
    }

    /** The place of the entry with this key (as {@link #key} writes it), or -1. */
    static int indexOf(List<LogEntries.Field> fields, List<String> keyFields, ArrayNode logs, String key) {
        if (key == null || keyFields.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < logs.size(); i++) {
            if (key.equals(key(fields, keyFields, logs.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    /** An entry's key in normal form (a time typed 7.30 is 07:30, a week any of its days), to find the entry it replaces. */
    static String key(List<LogEntries.Field> fields, List<String> keyFields, JsonNode entry) {
        StringBuilder key = new StringBuilder();
        for (LogEntries.Field f : fields) {
            if (!keyFields.contains(f.name())) {
                continue;
            }
            String v = entry.path(f.name()).asText("").trim();
            if (f.kind() == LogEntries.Kind.TIME && LogValues.normalTime(v) != null) {
                v = LogValues.normalTime(v);
            } else if (f.kind() == LogEntries.Kind.WEEK) {
                try {
                    v = LogValues.monday(LocalDate.parse(v)).toString();
                } catch (DateTimeParseException e) {
                    // left as typed: the check names it
                }
            }
            key.append(v).append('|');
        }
        return key.toString();
    }
}
