package fi.askel.content.steps;

import com.fasterxml.jackson.databind.JsonNode;
import fi.askel.content.Localized;
import fi.askel.content.ModuleViews.DoseView;
import fi.askel.content.ModuleViews.StepView;
import fi.askel.content.YamlFields;
import fi.askel.content.steps.LogEntries.Field;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An exercise with its dose and optional illustrations; the client logs each time they do it (a repeatable
 * log, see {@link LogEntries}).
 */
public record ExerciseStep(String key, Localized title, boolean required, Localized body, Dose dose, List<Image> images)
        implements Step, LogEntries.LogStep {

    /** Versions stored before illustrations existed have none. */
    public ExerciseStep {
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** How much and how often; at least one of sets, reps or minutes, and days per week. */
    public record Dose(Integer sets, Integer reps, Integer minutes, int daysPerWeek) {}

    /** The most of each amount a dose may name (1 is the least), for the author and for a client's adapted dose alike. */
    public static final int MAX_SETS = 50;
    public static final int MAX_REPS = 500;
    public static final int MAX_MINUTES = 600;
    public static final int MAX_DAYS_PER_WEEK = 7;

    /** What the client logs each time: the note is optional, effort and pain (0–10) are not. */
    static final List<Field> LOG = List.of(Field.date("date"), Field.number("sets", 0, 100, false),
            Field.number("reps", 0, 1000, false), Field.number("minutes", 0, 600, false), Field.number("effort", 0, 10, true),
            Field.number("pain", 0, 10, true), Field.text("note", 1000));

    /** One logged time as the specialist reads it. */
    @TemplateData
    public record LogRow(String date, String sets, String reps, String minutes, int effort, int pain, String note,
            boolean highPain) {}

    @TemplateData
    public record Review(String dose, List<LogRow> logs) {}

    static ExerciseStep read(StepReading r) {
        return new ExerciseStep(r.key(), r.title(), r.required(), r.markdown(), dose(r.s()), Image.read(r));
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

    @Override
    public List<Field> logFields() {
        return LOG;
    }

    @Override
    public StepView view(ViewContext c) {
        DoseView view = new DoseView(dose.sets(), dose.reps(), dose.minutes(), dose.daysPerWeek(), doseText(c));
        return new StepView(key, type(), c.typeLabel(), title.get(c.lang()), required, c.html(body.get(c.lang())), null,
                null, null, null, view, null, null, null, null, null, answerShape(), null, Image.views(images, c));
    }

    /**
     * The step with its dose changed for one client (see rehab.adaptation): each amount given replaces the author's,
     * the others stay. Only the dose differs; the module version itself stays as it is.
     */
    public ExerciseStep withDose(Integer sets, Integer reps, Integer minutes, Integer daysPerWeek) {
        return new ExerciseStep(key, title, required, body, new Dose(sets != null ? sets : dose.sets(), reps != null ? reps : dose.reps(),
                minutes != null ? minutes : dose.minutes(), daysPerWeek != null ? daysPerWeek : dose.daysPerWeek()), images);
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
    }

    @Override
    public JsonNode check(JsonNode a, boolean done, AnswerCheck c) {
        return LogEntries.check(LOG, a, done, c, "answer.logs.required");
    }

    @Override
    public JsonNode fromForm(Map<String, List<String>> form, JsonNode saved) {
        return LogEntries.fromForm(LOG, form, saved);
    }

    @Override
    public Object form(JsonNode answer) {
        return new LogEntries.LogForm(LogEntries.rows(LOG, answer));
    }

    @Override
    public Object review(JsonNode a, ReviewContext c) {
        List<LogRow> rows = new ArrayList<>();
        for (JsonNode log : a.path("logs")) {
            String date = log.path("date").isTextual() ? c.date(LocalDate.parse(log.path("date").asText())) : ReviewLine.NONE;
            int pain = log.path("pain").asInt();
            rows.add(new LogRow(date, number(log, "sets"), number(log, "reps"), number(log, "minutes"),
                    log.path("effort").asInt(), pain, log.path("note").asText(""), c.highPain(pain)));
        }
        return new Review(doseText(c), rows);
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
}
