package fi.askel.followup;

import com.fasterxml.jackson.databind.JsonNode;
import fi.askel.common.Messages;
import fi.askel.content.ModuleViews.ChoiceView;
import fi.askel.content.ModuleViews.ItemView;
import fi.askel.content.ModuleViews.ModuleView;
import fi.askel.content.ModuleViews.OptionView;
import fi.askel.content.ModuleViews.QuestionView;
import fi.askel.content.ModuleViews.StepView;
import fi.askel.rehab.AssignmentViews.StepProgress;
import fi.askel.rehab.GoalService;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The client's answers laid next to each step's prompt and items, readable for the specialist. */
final class AnsweredSteps {

    /** A labelled value: a scale item, a ticked item, a goal level, a questionnaire item. */
    @TemplateData
    public record Line(String label, String value, String detail, boolean checked, boolean alert) {}

    @TemplateData
    public record LogRow(String date, String sets, String reps, String minutes, int effort, int pain, String note,
            boolean highPain) {}

    @TemplateData
    public record QuizLine(String question, String picked, boolean correct, String correctAnswer, String explanation) {}

    /** One step with its answer; the fields of the step's type are filled, the others empty. */
    @TemplateData
    public record AnsweredStep(String key, String type, String answerShape, String typeLabel, String title, String prompt, boolean required,
            boolean answered, boolean done, String text, List<Line> lines, List<LogRow> logs, List<QuizLine> quiz,
            String dose, String instrument, Integer score, Integer maxScore, String band) {

        /** Whether the questionnaire could be scored; a score of 0 is a score (and falsy in a template). */
        public boolean scored() {
            return score != null;
        }
    }

    private static final String NONE = "–";

    private final Messages messages;
    private final String lang;
    private final Formats fmt;

    AnsweredSteps(Messages messages, String lang) {
        this.messages = messages;
        this.lang = lang;
        this.fmt = new Formats(lang);
    }

    List<AnsweredStep> of(ModuleView module, List<StepProgress> progress) {
        Map<String, StepProgress> byKey = progress.stream().collect(Collectors.toMap(StepProgress::key, Function.identity()));
        return module.steps().stream().map(step -> {
            StepProgress p = byKey.get(step.key());
            JsonNode answer = p == null ? null : p.answer();
            return step(step, answer, p != null && p.done());
        }).toList();
    }

    private AnsweredStep step(StepView s, JsonNode a, boolean done) {
        boolean answered = a != null;
        String text = null;
        List<Line> lines = List.of();
        List<LogRow> logs = List.of();
        List<QuizLine> quiz = List.of();
        Integer score = null;
        Integer max = null;
        String band = null;
        if (answered) {
            switch (s.answerShape()) {
                case "read" -> {
                    boolean read = a.path("read").asBoolean();
                    lines = List.of(new Line(t(read ? "review.answer.read" : "review.answer.not-read"), "", null, read, false));
                }
                case "reflection" -> text = a.path("text").asText("");
                case "goal" -> {
                    text = a.path("title").asText("");
                    lines = GoalService.LEVELS.stream().map(level -> new Line(fmt.signed(Integer.valueOf(level)),
                            a.path("levels").path(level).asText(NONE), null, false, false)).toList();
                }
                case "scale" -> lines = scale(s, a);
                case "checklist" -> lines = checklist(s, a);
                case "exercise" -> logs = logs(a);
                case "quiz" -> quiz = quiz(s, a);
                case "questionnaire" -> {
                    lines = questionnaire(s, a);
                    if (a.path("values").size() == s.items().size()) {
                        int sum = 0;
                        for (JsonNode v : a.path("values")) {
                            sum += v.asInt();
                        }
                        score = sum * s.scoring().multiplier();
                        max = s.scoring().maxScore();
                        int value = score;
                        band = s.bands().stream().filter(b -> value >= b.min() && value <= b.max()).map(b -> b.label())
                                .findFirst().orElse(null);
                    }
                }
                default -> throw new IllegalStateException("Unknown step type " + s.type());
            }
        }
        return new AnsweredStep(s.key(), s.type(), s.answerShape(), s.typeLabel(), s.title(), s.prompt(), s.required(), answered, done,
                text, lines, logs, quiz, s.dose() == null ? null : s.dose().text(), s.instrument(), score, max, band);
    }

    private List<Line> scale(StepView s, JsonNode a) {
        List<Line> lines = new ArrayList<>();
        for (ItemView item : s.items()) {
            JsonNode v = a.path("values").path(item.key());
            String anchors = item.min() + " = " + item.minLabel() + ", " + item.max() + " = " + item.maxLabel();
            lines.add(new Line(item.label(), v.isInt() ? v.asInt() + " / " + item.max() : NONE, anchors, false, false));
        }
        return lines;
    }

    private List<Line> checklist(StepView s, JsonNode a) {
        Set<String> checked = new HashSet<>();
        a.path("checked").forEach(k -> checked.add(k.asText()));
        return s.items().stream().map(i -> new Line(i.label(),
                t(checked.contains(i.key()) ? "review.answer.checked" : "review.answer.unchecked"), null,
                checked.contains(i.key()), false)).toList();
    }

    private List<LogRow> logs(JsonNode a) {
        List<LogRow> rows = new ArrayList<>();
        for (JsonNode log : a.path("logs")) {
            String date = log.path("date").isTextual() ? fmt.date(LocalDate.parse(log.path("date").asText())) : NONE;
            int pain = log.path("pain").asInt();
            rows.add(new LogRow(date, number(log, "sets"), number(log, "reps"), number(log, "minutes"),
                    log.path("effort").asInt(), pain, log.path("note").asText(""), pain >= Flag.HIGH_PAIN_LEVEL));
        }
        return rows;
    }

    private List<QuizLine> quiz(StepView s, JsonNode a) {
        List<QuizLine> lines = new ArrayList<>();
        for (QuestionView q : s.questions()) {
            Set<String> picked = new HashSet<>();
            a.path("answers").path(q.key()).forEach(c -> picked.add(c.asText()));
            Set<String> correct = q.choices().stream().filter(ChoiceView::correct).map(ChoiceView::key).collect(Collectors.toSet());
            String pickedText = q.choices().stream().filter(c -> picked.contains(c.key())).map(ChoiceView::text)
                    .collect(Collectors.joining("; "));
            String correctText = q.choices().stream().filter(ChoiceView::correct).map(ChoiceView::text)
                    .collect(Collectors.joining("; "));
            lines.add(new QuizLine(q.text(), pickedText.isEmpty() ? t("review.answer.none") : pickedText,
                    picked.equals(correct), correctText, q.explanation()));
        }
        return lines;
    }

    private List<Line> questionnaire(StepView s, JsonNode a) {
        Map<Integer, String> options = s.options().stream().collect(Collectors.toMap(OptionView::value, OptionView::label));
        return s.items().stream().map(i -> {
            JsonNode v = a.path("values").path(i.key());
            String value = v.isInt() ? v.asInt() + " – " + options.getOrDefault(v.asInt(), "") : t("review.answer.none");
            return new Line(i.label(), value, null, false, false);
        }).toList();
    }

    private static String number(JsonNode log, String field) {
        JsonNode v = log.path(field);
        return v.isInt() ? String.valueOf(v.asInt()) : NONE;
    }

    private String t(String key) {
        return messages.get(lang, key);
    }
}
