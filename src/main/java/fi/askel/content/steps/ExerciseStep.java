package fi.askel.content.steps;

import com.fasterxml.jackson.databind.JsonNode;
import fi.askel.content.Localized;
import fi.askel.content.ModuleViews.DoseView;
import fi.askel.content.ModuleViews.ItemView;
import fi.askel.content.ModuleViews.StepView;
import fi.askel.content.YamlFields;
import fi.askel.content.steps.LogEntries.Field;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * An exercise with its dose and optional illustrations; the client logs each time they do it (a repeatable
 * log, see {@link LogEntries}), with the fields the step asks ({@code log:} in module.yaml): a relaxation
 * exercise or a meal asks the day and minutes, not sets, effort or pain.
 */
public record ExerciseStep(String key, Localized title, boolean required, Localized body, Dose dose, List<Image> images,
        List<String> log) implements Step, LogEntries.LogStep {

    /** Versions stored before illustrations or {@code log:} existed have none: no pictures, today's log. */
    public ExerciseStep {
        images = images == null ? List.of() : List.copyOf(images);
        log = log == null || log.isEmpty() ? DEFAULT_LOG : List.copyOf(log);
    }

    /** How much and how often; at least one of sets, reps or minutes, and days per week. */
    public record Dose(Integer sets, Integer reps, Integer minutes, int daysPerWeek) {}

    /** The most of each amount a dose may name (1 is the least), for the author and for a client's adapted dose alike. */
    public static final int MAX_SETS = 50;
    public static final int MAX_REPS = 500;
    public static final int MAX_MINUTES = 600;
    public static final int MAX_DAYS_PER_WEEK = 7;

    /**
     * Every field a step may ask, in the order the form and tables show them: sets, reps and minutes and the note are
     * optional, effort and pain (0–10) are required where asked. The date is always asked and is not listed in
     * {@code log:}.
     */
    static final List<Field> FIELDS = List.of(Field.number("sets", 0, 100, false), Field.number("reps", 0, 1000, false),
            Field.number("minutes", 0, 600, false), Field.number("effort", 0, 10, true), Field.number("pain", 0, 10, true),
            Field.text("note", 1000));

    /** The names {@code log:} may list. */
    public static final List<String> LOG_NAMES = FIELDS.stream().map(Field::name).toList();

    /** What a physical exercise asks when module.yaml says nothing: every field, as before {@code log:} existed. */
    public static final List<String> DEFAULT_LOG = LOG_NAMES;

    /** One logged time as the specialist reads it. */
    @TemplateData
    public record LogRow(String date, String sets, String reps, String minutes, String effort, String pain, String note,
            boolean highPain) {}

    /** The dose and the logged times, with the fields the step asks (the table has a column for each). */
    @TemplateData
    public record Review(String dose, List<LogRow> logs, List<String> asked) {
        public boolean asks(String field) {
            return asked.contains(field);
        }
    }

    static ExerciseStep read(StepReading r) {
        return new ExerciseStep(r.key(), r.title(), r.required(), r.markdown(), dose(r.s()), Image.read(r), log(r.s()));
    }

    /** The fields of {@code log:}: known names, each once; null (today's log) when the step has none. */
    private static List<String> log(YamlFields s) {
        if (!s.has("log")) {
            return null;
        }
        List<String> names = s.words("log", true, LOG_NAMES);
        if (names.size() != new java.util.HashSet<>(names).size()) {
            s.problem(s.raw("log"), "log lists a field twice: " + String.join(", ", names));
        }
        // the canonical order, so that the form and the specialist's table read alike in every module
        return LOG_NAMES.stream().filter(names::contains).toList();
    }

    private static Dose dose(YamlFields s) {
        if (!s.has("dose")) {
            s.problem(s.node(), "an exercise step needs a dose (sets, reps or minutes, and daysPerWeek)");
            return null;
        }
        YamlFields d = s.nested("dose", "dose", Set.of("sets", "reps", "minutes", "daysPerWeek"));
        Integer sets = d.integer("sets", false, 1, MAX_SETS);
        Integer reps = d.integer("reps", false, 1, MAX_REPS);
        Integer minutes = d.integer("minutes", false, 1, MAX_MINUTES);
        Integer days = d.integer("daysPerWeek", true, 1, MAX_DAYS_PER_WEEK);
        if (sets == null && reps == null && minutes == null) {
            d.problem(d.node(), "dose needs at least one of sets, reps or minutes");
        }
        return new Dose(sets, reps, minutes, StepReading.orDefault(days, 1));
    }

    /** The date and the fields this step asks. */
    @Override
    public List<Field> logFields() {
        List<Field> fields = new ArrayList<>();
        fields.add(Field.date("date"));
        FIELDS.stream().filter(f -> log.contains(f.name())).forEach(fields::add);
        return fields;
    }

    /** Whether the client logs how hard the exercise felt and how much it hurt (a physical exercise does). */
    public boolean asks(String field) {
        return log.contains(field);
    }

    @Override
    public StepView view(ViewContext c) {
        DoseView view = new DoseView(dose.sets(), dose.reps(), dose.minutes(), dose.daysPerWeek(), doseText(c));
        // what an entry of the log holds, as a diary lists its fields: an API client asks what the page asks
        List<ItemView> items = logFields().stream().map(f -> new ItemView(f.name(), c.t("work.log." + f.name()),
                f.kind() == LogEntries.Kind.NUMBER ? f.min() : null, f.kind() == LogEntries.Kind.NUMBER ? f.max() : null,
                null, null, null, f.required())).toList();
        return new StepView(key, type(), c.typeLabel(), title.get(c.lang()), required, c.html(body.get(c.lang())), null,
                null, null, items, view, null, null, null, null, null, answerShape(), null, Image.views(images, c));
    }

    /**
     * The step with its dose changed for one client (see rehab.adaptation): each amount given replaces the author's,
     * the others stay. Only the dose differs; the module version itself stays as it is.
     */
    public ExerciseStep withDose(Integer sets, Integer reps, Integer minutes, Integer daysPerWeek) {
        return new ExerciseStep(key, title, required, body, new Dose(sets != null ? sets : dose.sets(), reps != null ? reps : dose.reps(),
                minutes != null ? minutes : dose.minutes(), daysPerWeek != null ? daysPerWeek : dose.daysPerWeek()), images, log);
    }

    /** The dose in words ("2 sets, 10 repetitions, 5 days a week"). */
    public String doseText(Texts c) {
        List<String> parts = new ArrayList<>();
        if (dose.sets() != null) {
            parts.add(c.t("dose.sets", dose.sets()));
        }
        if (dose.reps() != null) {
            parts.add(c.t("dose.reps", dose.reps()));
        }
        if (dose.minutes() != null) {
            parts.add(c.t("dose.minutes", dose.minutes()));
        }
        parts.add(c.t("dose.days", dose.daysPerWeek()));
        return String.join(", ", parts);
    }

    @Override
    public void structure(StringBuilder sb) {
        sb.append(dose); // the record's own text, as versions were first hashed
        if (!log.equals(DEFAULT_LOG)) {
            sb.append(" log=").append(log); // what the answer holds; left out by default so that older hashes stay
        }
    }

    @Override
    public JsonNode check(JsonNode a, boolean done, AnswerCheck c) {
        return LogEntries.check(logFields(), a, done, c, "answer.logs.required");
    }

    @Override
    public JsonNode fromForm(Map<String, List<String>> form, JsonNode saved) {
        return LogEntries.fromForm(logFields(), form, saved);
    }

    @Override
    public Object form(JsonNode answer) {
        List<Field> fields = logFields();
        // the date has its own column on the form's table: "asked" is what follows it
        return new LogEntries.LogForm(LogEntries.rows(fields, answer),
                FIELDS.stream().map(Field::name).filter(log::contains).toList());
    }

    @Override
    public Object review(JsonNode a, ReviewContext c) {
        List<LogRow> rows = new ArrayList<>();
        for (JsonNode log : a.path("logs")) {
            String date = log.path("date").isTextual() ? c.date(LocalDate.parse(log.path("date").asText())) : ReviewLine.NONE;
            JsonNode pain = log.path("pain");
            rows.add(new LogRow(date, number(log, "sets"), number(log, "reps"), number(log, "minutes"), number(log, "effort"),
                    number(log, "pain"), log.path("note").asText(""), pain.isInt() && c.highPain(pain.asInt())));
        }
        return new Review(doseText(c), rows, log);
    }

    private static String number(JsonNode log, String field) {
        JsonNode v = log.path(field);
        return v.isInt() ? String.valueOf(v.asInt()) : ReviewLine.NONE;
    }

    /** Each added or removed entry is saved at once, so there is no draft to keep while typing. */
    @Override
    public boolean autosaves() {
        return false;
    }

    @Override
    public Map<String, Object> sampleAnswer(SplittableRandom random, LocalDate day) {
        List<Object> logs = new ArrayList<>();
        for (int n = SampleAnswers.entries(random); n > 0; n--) { // one entry a day, every other day
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("date", day.minusDays(2L * n).toString());
            // only what the step asks: a relaxation exercise logs its minutes, not effort or pain
            if (asks("sets")) {
                entry.put("sets", dose() == null ? null : dose().sets());
            }
            if (asks("reps")) {
                entry.put("reps", dose() == null ? null : dose().reps());
            }
            if (asks("minutes")) {
                entry.put("minutes", dose() == null ? null : dose().minutes());
            }
            if (asks("effort")) {
                entry.put("effort", random.nextInt(2, 8));
            }
            if (asks("pain")) {
                entry.put("pain", random.nextInt(0, 6));
            }
            logs.add(entry);
        }
        return new LinkedHashMap<>(Map.of("logs", logs));
    }
}
