package fi.askel.content.steps;

import fi.askel.common.Dates;
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

    /**
     * DATE a day not in the future; NUMBER a whole number in a range; TEXT a short text; TIME a time of day
     * (hh:mm); DECIMAL a number with one decimal, its range in tenths; CHOICE one of a list; WEEK a week,
     * given as any day not in the future and kept as its Monday.
     */
    public enum Kind { DATE, NUMBER, TEXT, TIME, DECIMAL, CHOICE, WEEK }

    /** One field of an entry. */
    @TemplateData
    public record Field(String name, Kind kind, int min, int max, boolean required, List<String> choices) {

        public static Field date(String name) {
            return new Field(name, Kind.DATE, 0, 0, true, List.of());
        }

        public static Field number(String name, int min, int max, boolean required) {
            return new Field(name, Kind.NUMBER, min, max, required, List.of());
        }

        public static Field text(String name, int maxLength) {
            return new Field(name, Kind.TEXT, 0, maxLength, false, List.of());
        }

        public static Field time(String name) {
            return new Field(name, Kind.TIME, 0, 0, true, List.of());
        }

        /** A required number with one decimal between minTenths/10 and maxTenths/10. */
        public static Field decimal(String name, int minTenths, int maxTenths) {
            return new Field(name, Kind.DECIMAL, minTenths, maxTenths, true, List.of());
        }

        public static Field choice(String name, List<String> choices) {
            return new Field(name, Kind.CHOICE, 0, 0, true, List.copyOf(choices));
        }

        public static Field week(String name) {
            return new Field(name, Kind.WEEK, 0, 0, true, List.of());
        }

        /** A whole number on a short scale (e.g. 1–5), chosen from a list rather than typed. */
        public boolean isScale() {
            return kind == Kind.NUMBER && max - min <= 10;
        }

        public boolean isDay() {
            return kind == Kind.DATE || kind == Kind.WEEK;
        }

        /** For templates: the kind's name in lower case (date, number, text, time, decimal, choice, week). */
        public String kindName() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }

        /** For templates: the range's ends as typed (decimals in tenths become e.g. 1.0 and 35.0). */
        public String minText() {
            return kind == Kind.DECIMAL ? tenths(min) : String.valueOf(min);
        }

        public String maxText() {
            return kind == Kind.DECIMAL ? tenths(max) : String.valueOf(max);
        }
    }

    static String tenths(int tenths) {
        return java.math.BigDecimal.valueOf(tenths, 1).toPlainString();
    }

    /** An entry as its form shows it: each field's value as text, by name. */
    @TemplateData
    public record Row(int index, Map<String, String> values) {
        public String value(String name) {
            return values.getOrDefault(name, "");
        }

        /** A date field as a date (for the page to write as people write dates), null when empty or not a date. */
        public LocalDate day(String name) {
            try {
                return LocalDate.parse(value(name));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** The form's table of saved entries, and the names of the fields the step asks (its columns). */
    @TemplateData
    public record LogForm(List<Row> logs, List<String> asked) {
        public boolean asks(String field) {
            return asked.contains(field);
        }
    }

    private LogEntries() {}

    static JsonNode check(List<Field> fields, JsonNode a, boolean done, AnswerCheck c, String requiredKey) {
        return check(fields, a, done, c, requiredKey, List.of());
    }

    /**
     * As above; with {@code keyFields}, one entry per key (a night, a week, a measurement's date and time): a
     * second entry with the key of an earlier one is refused, naming its first key field.
     */
    static JsonNode check(List<Field> fields, JsonNode a, boolean done, AnswerCheck c, String requiredKey, List<String> keyFields) {
        ArrayNode logs = AnswerCheck.NODES.arrayNode();
        JsonNode given = a.path("logs");
        if (!given.isMissingNode() && !given.isArray()) {
            c.error("answer.logs", "answer.list-required");
        } else if (given.size() > MAX) {
            c.error("answer.logs", "answer.too-many", MAX);
        }
        int i = 0;
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (JsonNode log : given) {
            String at = "answer.logs[" + i++ + "]";
            ObjectNode out = AnswerCheck.NODES.objectNode();
            for (Field f : fields) {
                switch (f.kind()) {
                    case DATE -> out.put(f.name(), LogValues.date(log, f, at, c));
                    case WEEK -> {
                        String day = LogValues.date(log, f, at, c);
                        out.put(f.name(), day == null ? null : LogValues.monday(LocalDate.parse(day)).toString());
                    }
                    case NUMBER -> c.number(log, f.name(), f.min(), f.max(), at, out, f.required());
                    case TEXT -> {
                        String text = c.text(log, f.name(), f.max(), at);
                        if (text != null && !text.isBlank()) {
                            out.put(f.name(), text);
                        }
                    }
                    case TIME -> out.put(f.name(), LogValues.required(log, f, at, c) ? LogValues.time(log.path(f.name()).asText(), f, at, c) : null);
                    case DECIMAL -> {
                        java.math.BigDecimal v = LogValues.required(log, f, at, c) ? LogValues.decimal(log.path(f.name()), f, at, c) : null;
                        if (v == null) {
                            out.putNull(f.name());
                        } else {
                            out.put(f.name(), v);
                        }
                    }
                    case CHOICE -> {
                        String v = LogValues.required(log, f, at, c) ? log.path(f.name()).asText() : null;
                        if (v != null && !f.choices().contains(v)) {
                            c.error(at + "." + f.name(), "answer.choice.invalid", String.join(", ", f.choices()));
                            v = null;
                        }
                        out.put(f.name(), v);
                    }
                }
            }
            if (!keyFields.isEmpty() && !keys.add(keyFields.stream().map(k -> out.path(k).asText("")).reduce("", (x, y) -> x + "|" + y))) {
                c.error(at + "." + keyFields.get(0), "answer.logs.duplicate");
            }
            logs.add(out);
        }
        if (done && logs.isEmpty()) {
            c.error("answer.logs", requiredKey);
        }
        return AnswerCheck.NODES.objectNode().set("logs", logs);
    }

    /**
     * The saved entries, minus the one whose remove button was pressed ({@code remove-log}), plus the
     * new one ({@code log.<field>}) when "add" was pressed or anything was typed: nothing typed is lost.
     */
    static JsonNode fromForm(List<Field> fields, Map<String, List<String>> form, JsonNode saved) {
        return fromForm(fields, form, saved, List.of());
    }

    /**
     * As above; with {@code keyFields} the new entry replaces the one it edits ({@code edit-log}, an index) and any
     * entry with the same key (the same night, week, or date and time): sending the same form twice (a retry, a
     * double click) leaves one entry, and correcting an entry is writing it again.
     */
    static JsonNode fromForm(List<Field> fields, Map<String, List<String>> form, JsonNode saved, List<String> keyFields) {
        ArrayNode logs = AnswerCheck.NODES.arrayNode();
        if (saved != null) {
            saved.path("logs").forEach(logs::add);
        }
        String remove = AnswerForm.first(form, "remove-log");
        if (!keyFields.isEmpty()) {
            // By the entry's key, not its place: a remove sent twice cannot take a second entry with it.
            int at = LogEntryKeys.indexOf(fields, keyFields, logs, remove);
            if (at >= 0) {
                logs.remove(at);
            }
        } else if (remove != null && remove.matches("\\d+") && Integer.parseInt(remove) < logs.size()) {
            logs.remove(Integer.parseInt(remove));
        }
        boolean typed = fields.stream().filter(f -> !f.isDay()).map(f -> AnswerForm.first(form, "log." + f.name()))
                .anyMatch(v -> v != null && !v.isBlank());
        if ("add-log".equals(AnswerForm.first(form, "action")) || typed) {
            ObjectNode entry = AnswerCheck.NODES.objectNode();
            for (Field f : fields) {
                String value = AnswerForm.first(form, "log." + f.name());
                boolean blank = value == null || value.isBlank();
                switch (f.kind()) {
                    case DATE, WEEK -> entry.put(f.name(), blank ? Dates.today().toString() : value.trim());
                    case NUMBER -> entry.set(f.name(), blank ? AnswerCheck.NODES.nullNode() : numberNode(value));
                    case TEXT, TIME, DECIMAL, CHOICE -> {
                        if (!blank) {
                            entry.put(f.name(), value.trim());
                        }
                    }
                }
            }
            LogEntryKeys.upsert(fields, keyFields, logs, LogEntryKeys.indexOf(fields, keyFields, logs, AnswerForm.first(form, "edit-log")), entry);
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
