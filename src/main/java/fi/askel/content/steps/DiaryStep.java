package fi.askel.content.steps;

import com.fasterxml.jackson.databind.JsonNode;
import fi.askel.common.Dates;
import fi.askel.content.Localized;
import fi.askel.content.ModuleViews.ItemView;
import fi.askel.content.ModuleViews.StepView;
import fi.askel.content.steps.LogEntries.Field;
import fi.askel.content.steps.LogEntries.Kind;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A diary the client keeps entry by entry (a repeatable log, see {@link LogEntries}): a sleep diary (one entry a
 * night), a blood-glucose log (one a measurement) or a weekly check-in (one a week). Each kind asks only what fits
 * it; an entry for a night, measurement or week already written replaces it, so a retried save leaves one entry.
 */
public record DiaryStep(String key, Localized title, boolean required, Localized prompt, Log log)
        implements Step, LogEntries.LogStep {

    /** The kinds of diary, named in module.yaml ({@code log:}); each with its fields and what identifies an entry. */
    public enum Log {
        SLEEP("sleep", List.of(Field.date("date"), Field.time("bedtime"), Field.number("minutesToSleep", 0, 600, true),
                Field.number("wakings", 0, 50, true), Field.time("riseTime"), Field.number("rested", 1, 5, true)), List.of("date")),
        GLUCOSE("glucose", List.of(Field.date("date"), Field.time("time"), Field.decimal("mmol", 10, 350),
                Field.choice("situation", List.of("fasting", "before-meal", "after-meal", "bedtime", "other")),
                Field.text("note", 500)), List.of("date", "time")),
        WEEKLY("weekly-check-in", List.of(Field.week("week"), Field.number("howWent", 1, 5, true), Field.text("helped", 2000),
                Field.text("askSpecialist", 2000)), List.of("week"));

        public final String id;
        public final List<Field> fields;
        public final List<String> keyFields;

        Log(String id, List<Field> fields, List<String> keyFields) {
            this.id = id;
            this.fields = fields;
            this.keyFields = keyFields;
        }

        public static Log byId(String id) {
            return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst().orElse(null);
        }

        /** The entry's key as its rows are found again: the night, the week, or the measurement's date and time. */
        public String keyOf(JsonNode entry) {
            return String.join("T", keyFields.stream().map(k -> entry.path(k).asText("")).toList());
        }
    }

    /** What the diary's form shows: the saved entries, and the entry being written (or corrected) with its place. */
    @TemplateData
    public record DiaryForm(String log, List<Field> fields, List<LogEntries.Row> rows, Map<String, String> entry,
            String editKey, String today) {

        /** What the form sends to name an entry (to remove it, or as the one being corrected). */
        public String rowKey(LogEntries.Row row) {
            com.fasterxml.jackson.databind.node.ObjectNode node = AnswerCheck.NODES.objectNode();
            row.values().forEach(node::put);
            return LogEntryKeys.key(fields, Log.byId(log).keyFields, node);
        }

        public String value(String name) {
            return entry.getOrDefault(name, "");
        }

        public boolean selected(String name, Object value) {
            return value(name).equals(String.valueOf(value));
        }

        /** The message key of a field's label, e.g. diary.sleep.bedtime. */
        public String label(Field f) {
            return "diary." + log + "." + f.name();
        }

        /** The message key of one of a choice field's values, e.g. diary.glucose.situation.fasting. */
        public String choice(Field f, String value) {
            return label(f) + "." + value;
        }

        /** The numbers a short scale offers. */
        public List<Integer> scale(Field f) {
            return java.util.stream.IntStream.rangeClosed(f.min(), f.max()).boxed().toList();
        }

        /** A saved value as the reader writes it: dates 5.12.2026, times 7.30 (fi, sv), decimals 5,6 (fi, sv). */
        public String shown(LogEntries.Row row, Field f, String lang) {
            String v = row.value(f.name());
            if (v.isEmpty()) {
                return "–";
            }
            boolean nordic = !"en".equals(lang);
            return switch (f.kind()) {
                case DATE, WEEK -> Dates.date(LocalDate.parse(v), lang);
                case TIME -> nordic ? v.replaceFirst("^0(\\d)", "$1").replace(':', '.') : v;
                case DECIMAL -> nordic ? v.replace('.', ',') : v;
                default -> v;
            };
        }

        public boolean editing() {
            return editKey != null && !editKey.isBlank();
        }
    }

    static DiaryStep read(StepReading r) {
        String id = r.s().string("log", true);
        Log log = id == null ? null : Log.byId(id);
        if (id != null && log == null) {
            r.s().problem(r.s().raw("log"), "log must be one of " + String.join(", ", Arrays.stream(Log.values()).map(l -> l.id).toList())
                    + ", not \"" + id + "\"");
        }
        return new DiaryStep(r.key(), r.title(), r.required(), r.s().localized("prompt", false), log == null ? Log.SLEEP : log);
    }

    @Override
    public List<Field> logFields() {
        return log.fields;
    }

    /** The view names the kind of diary in {@code instrument} and lists an entry's fields as {@code items}. */
    @Override
    public StepView view(ViewContext c) {
        List<ItemView> items = log.fields.stream().map(f -> new ItemView(f.name(), c.t("diary." + log.id + "." + f.name()),
                f.kind() == Kind.NUMBER ? f.min() : null, f.kind() == Kind.NUMBER ? f.max() : null, null, null)).toList();
        return new StepView(key, type(), c.typeLabel(), title.get(c.lang()), required, null, null,
                prompt == null ? null : prompt.get(c.lang()), null, items, null, null, log.id, null, null, null, answerShape(), null);
    }

    @Override
    public void structure(StringBuilder sb) {
        sb.append(log.id);
    }

    @Override
    public JsonNode check(JsonNode a, boolean done, AnswerCheck c) {
        return LogEntries.check(log.fields, a, done, c, "answer.diary.required", log.keyFields);
    }

    @Override
    public JsonNode fromForm(Map<String, List<String>> form, JsonNode saved) {
        return LogEntries.fromForm(log.fields, form, saved, log.keyFields);
    }

    @Override
    public Object form(JsonNode answer) {
        return form(answer, null, null);
    }

    /**
     * The form with {@code typed} (an entry, e.g. one refused or the saved one to correct) in the entry fields; with
     * {@code editKey} (see {@link DiaryForm#rowKey}) saving it replaces that entry.
     */
    public DiaryForm form(JsonNode saved, JsonNode typed, String editKey) {
        Map<String, String> entry = new HashMap<>();
        String today = Dates.today().toString();
        log.fields.stream().filter(Field::isDay).forEach(f -> entry.put(f.name(), today));
        if (typed != null) {
            for (Field f : log.fields) {
                JsonNode v = typed.path(f.name());
                if (!v.isMissingNode() && !v.isNull()) {
                    entry.put(f.name(), v.asText());
                }
            }
        }
        List<LogEntries.Row> rows = new ArrayList<>(LogEntries.rows(log.fields, saved));
        rows.sort(java.util.Comparator.comparing((LogEntries.Row r) -> String.join("T", log.keyFields.stream().map(r::value).toList())));
        return new DiaryForm(log.id, log.fields, rows, entry, editKey, today);
    }

    /** The key of an entry as the form names it (see {@link DiaryForm#rowKey}). */
    public String formKey(JsonNode entry) {
        return LogEntryKeys.key(log.fields, log.keyFields, entry);
    }

    /**
     * The answer with {@code entry} in place of the entry whose key is {@code replaces} (as {@link Log#keyOf} writes
     * it; none when there is no such entry) and of any other with the new entry's key: an upsert, as the API's
     * PUT of one entry.
     */
    public JsonNode withEntry(JsonNode saved, String replaces, JsonNode entry) {
        com.fasterxml.jackson.databind.node.ArrayNode logs = AnswerCheck.NODES.arrayNode();
        int at = -1;
        for (JsonNode e : saved == null ? AnswerCheck.NODES.arrayNode() : saved.path("logs")) {
            if (log.keyOf(e).equals(replaces)) {
                at = logs.size();
            }
            logs.add(e);
        }
        LogEntryKeys.upsert(log.fields, log.keyFields, logs, at, entry);
        return AnswerCheck.NODES.objectNode().set("logs", logs);
    }

    /** The answer without the entry of this key, or null when there is none. */
    public JsonNode withoutEntry(JsonNode saved, String key) {
        com.fasterxml.jackson.databind.node.ArrayNode logs = AnswerCheck.NODES.arrayNode();
        boolean found = false;
        for (JsonNode e : saved == null ? AnswerCheck.NODES.arrayNode() : saved.path("logs")) {
            if (log.keyOf(e).equals(key)) {
                found = true;
            } else {
                logs.add(e);
            }
        }
        return found ? AnswerCheck.NODES.objectNode().set("logs", logs) : null;
    }

    /** The entries as the specialist reads them, in the order of their key (night, measurement, week), as the client's table. */
    @TemplateData
    public record Review(String log, List<Field> fields, List<LogEntries.Row> rows, DiaryForm shown) {}

    @Override
    public Object review(JsonNode answer, ReviewContext c) {
        DiaryForm form = form(answer, null, null);
        return new Review(log.id, log.fields, form.rows(), form);
    }

    /** Each added, corrected or removed entry is saved at once, so there is no draft to keep while typing. */
    @Override
    public boolean autosaves() {
        return false;
    }

    @Override
    public Map<String, Object> sampleAnswer(SplittableRandom random, LocalDate day) {
        List<Object> logs = new ArrayList<>();
        for (int n = SampleAnswers.entries(random); n > 0; n--) { // a week apart: one a night, or one a week
            LocalDate on = day.minusWeeks(n);
            logs.add(switch (log()) {
                case SLEEP -> Map.of("date", on.toString(), "bedtime", "22:30", "minutesToSleep", random.nextInt(5, 60),
                        "wakings", random.nextInt(0, 4), "riseTime", "06:45", "rested", random.nextInt(1, 6));
                case GLUCOSE -> Map.of("date", on.toString(), "time", "07:30", "mmol", 5.0 + random.nextInt(0, 30) / 10.0,
                        "situation", "fasting");
                case WEEKLY -> Map.of("week", on.toString(), "howWent", random.nextInt(1, 6), "helped", "Iltakävelyt");
            });
        }
        return new LinkedHashMap<>(Map.of("logs", logs));
    }
}
