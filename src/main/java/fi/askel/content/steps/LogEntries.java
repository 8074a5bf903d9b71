package fi.askel.content.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A repeatable log: the answer is {@code {logs: [entry, …]}}, one entry per day the client logs, each
 * with the fields its step names (the exercise log today; a diary is another list of fields). The
 * page adds one entry at a time and removes one by its index, keeping what is saved.
 */
public final class LogEntries {

    /** At most this many entries in one step. */
    public static final int MAX = 400;

    /** The steps whose answer is a log; the page keeps their done state when an entry is added or removed. */
    public interface LogStep {
        List<Field> logFields();
    }

    public enum Kind { DATE, NUMBER, TEXT }

    /** One field of an entry: a date (not in the future), a whole number in a range, or a short text. */
    public record Field(String name, Kind kind, int min, int max, boolean required) {

        public static Field date(String name) {
            return new Field(name, Kind.DATE, 0, 0, true);
        }

        public static Field number(String name, int min, int max, boolean required) {
            return new Field(name, Kind.NUMBER, min, max, required);
        }

        public static Field text(String name, int maxLength) {
            return new Field(name, Kind.TEXT, 0, maxLength, false);
        }
    }

    /** An entry as its form shows it: each field's value as text, by name. */
    @TemplateData
    public record Row(int index, Map<String, String> values) {
        public String value(String name) {
            return values.getOrDefault(name, "");
        }
    }

    /** The form's table of saved entries. */
    @TemplateData
    public record LogForm(List<Row> logs) {}

    private LogEntries() {}

    static JsonNode check(List<Field> fields, JsonNode a, boolean done, AnswerCheck c, String requiredKey) {
        ArrayNode logs = AnswerCheck.NODES.arrayNode();
        JsonNode given = a.path("logs");
        if (!given.isMissingNode() && !given.isArray()) {
            c.error("answer.logs", "answer.list-required");
        } else if (given.size() > MAX) {
            c.error("answer.logs", "answer.too-many", MAX);
        }
        int i = 0;
        for (JsonNode log : given) {
            String at = "answer.logs[" + i++ + "]";
            ObjectNode out = AnswerCheck.NODES.objectNode();
            for (Field f : fields) {
                switch (f.kind()) {
                    case DATE -> out.put(f.name(), date(log, f, at, c));
                    case NUMBER -> c.number(log, f.name(), f.min(), f.max(), at, out, f.required());
                    case TEXT -> {
                        String text = c.text(log, f.name(), f.max());
                        if (text != null && !text.isBlank()) {
                            out.put(f.name(), text);
                        }
                    }
                }
            }
            logs.add(out);
        }
        if (done && logs.isEmpty()) {
            c.error("answer.logs", requiredKey);
        }
        return AnswerCheck.NODES.objectNode().set("logs", logs);
    }

    private static String date(JsonNode log, Field f, String at, AnswerCheck c) {
        try {
            LocalDate date = LocalDate.parse(log.path(f.name()).asText(""));
            if (date.isAfter(c.today())) {
                c.error(at + "." + f.name(), "answer.date.future");
            }
            return date.toString();
        } catch (DateTimeParseException e) {
            c.error(at + "." + f.name(), "answer.date.invalid");
            return null;
        }
    }

    /**
     * The saved entries, minus the one whose remove button was pressed ({@code remove-log}), plus the
     * new one ({@code log.<field>}) when "add" was pressed or anything was typed: nothing typed is lost.
     */
    static JsonNode fromForm(List<Field> fields, Map<String, List<String>> form, JsonNode saved) {
        ArrayNode logs = AnswerCheck.NODES.arrayNode();
        if (saved != null) {
            saved.path("logs").forEach(logs::add);
        }
        String remove = AnswerForm.first(form, "remove-log");
        if (remove != null && remove.matches("\\d+") && Integer.parseInt(remove) < logs.size()) {
            logs.remove(Integer.parseInt(remove));
        }
        boolean typed = fields.stream().filter(f -> f.kind() != Kind.DATE).map(f -> AnswerForm.first(form, "log." + f.name()))
                .anyMatch(v -> v != null && !v.isBlank());
        if ("add-log".equals(AnswerForm.first(form, "action")) || typed) {
            ObjectNode entry = logs.addObject();
            for (Field f : fields) {
                String value = AnswerForm.first(form, "log." + f.name());
                boolean blank = value == null || value.isBlank();
                switch (f.kind()) {
                    case DATE -> entry.put(f.name(), blank ? LocalDate.now().toString() : value);
                    case NUMBER -> entry.set(f.name(), blank ? AnswerCheck.NODES.nullNode() : numberNode(value));
                    case TEXT -> {
                        if (!blank) {
                            entry.put(f.name(), value);
                        }
                    }
                }
            }
        }
        return AnswerCheck.NODES.objectNode().set("logs", logs);
    }

    /** Keeps what was typed even when it is not a number, so the check can name the field. */
    private static JsonNode numberNode(String value) {
        try {
            return AnswerCheck.NODES.numberNode(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return AnswerCheck.NODES.textNode(value);
        }
    }

    /** The saved entries for the form's table. */
    static List<Row> rows(List<Field> fields, JsonNode answer) {
        List<Row> rows = new ArrayList<>();
        int i = 0;
        for (JsonNode log : answer == null ? AnswerCheck.NODES.arrayNode() : answer.path("logs")) {
            Map<String, String> values = new java.util.HashMap<>();
            for (Field f : fields) {
                JsonNode v = log.path(f.name());
                values.put(f.name(), v.isMissingNode() || v.isNull() ? "" : v.asText());
            }
            rows.add(new Row(i++, values));
        }
        return rows;
    }
}
