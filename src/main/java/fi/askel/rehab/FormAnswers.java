package fi.askel.rehab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.askel.content.Step;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.util.List;

/**
 * Turns a step's HTML form into the same answer JSON the API takes, so pages and the API share one
 * validation. Field names: text, read, v.&lt;item&gt;, checked, q.&lt;question&gt;, title, level.&lt;n&gt;,
 * and log.* for a new exercise log entry.
 */
final class FormAnswers {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FormAnswers() {}

    /** The answer from the form; for an exercise, the saved logs plus the new entry (or minus a removed one). */
    static JsonNode from(Step step, MultivaluedMap<String, String> form, JsonNode saved) {
        ObjectNode out = NODES.objectNode();
        switch (step.answerShape()) {
            case "read" -> out.put("read", true);
            case "reflection" -> out.put("text", first(form, "text"));
            case "scale", "questionnaire" -> {
                ObjectNode values = out.putObject("values");
                form.forEach((name, v) -> {
                    if (name.startsWith("v.") && !v.isEmpty() && !v.get(0).isBlank()) {
                        values.put(name.substring(2), number(v.get(0)));
                    }
                });
            }
            case "checklist" -> {
                ArrayNode checked = out.putArray("checked");
                form.getOrDefault("checked", List.of()).forEach(checked::add);
            }
            case "quiz" -> {
                ObjectNode answers = out.putObject("answers");
                form.forEach((name, v) -> {
                    if (name.startsWith("q.") && !v.isEmpty()) {
                        ArrayNode picked = answers.putArray(name.substring(2));
                        v.forEach(picked::add);
                    }
                });
            }
            case "goal" -> {
                out.put("title", first(form, "title"));
                ObjectNode levels = out.putObject("levels");
                for (String level : GoalService.LEVELS) {
                    levels.put(level, first(form, "level." + level));
                }
            }
            default -> out.set("logs", logs(form, saved));
        }
        return out;
    }

    private static ArrayNode logs(MultivaluedMap<String, String> form, JsonNode saved) {
        ArrayNode logs = NODES.arrayNode();
        if (saved != null) {
            saved.path("logs").forEach(logs::add);
        }
        String remove = first(form, "remove-log");
        if (remove != null && remove.matches("\\d+") && Integer.parseInt(remove) < logs.size()) {
            logs.remove(Integer.parseInt(remove));
        }
        // A filled-in entry is kept whatever button was pressed: nothing typed is lost.
        boolean typed = List.of("sets", "reps", "minutes", "effort", "pain", "note").stream()
                .map(f -> first(form, "log." + f)).anyMatch(v -> v != null && !v.isBlank());
        if ("add-log".equals(first(form, "action")) || typed) {
            ObjectNode entry = logs.addObject();
            String date = first(form, "log.date");
            entry.put("date", date == null || date.isBlank() ? LocalDate.now().toString() : date);
            for (String field : List.of("sets", "reps", "minutes", "effort", "pain")) {
                String value = first(form, "log." + field);
                if (value == null || value.isBlank()) {
                    entry.putNull(field);
                } else {
                    entry.set(field, numberNode(value));
                }
            }
            String note = first(form, "log.note");
            if (note != null && !note.isBlank()) {
                entry.put("note", note);
            }
        }
        return logs;
    }

    static String first(MultivaluedMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Keeps what was typed even when it is not a number, so the validator can name the field. */
    private static JsonNode numberNode(String value) {
        try {
            return NODES.numberNode(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return NODES.textNode(value);
        }
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }
}
