package fi.askel.content.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.askel.content.Localized;
import fi.askel.content.ModuleViews.StepView;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** The client writes a goal and what each GAS level (−2…+2) of it would look like. */
public record GoalStep(String key, Localized title, boolean required, Localized prompt) implements Step {

    /** The GAS levels, as the answer names them. */
    public static final List<String> LEVELS = List.of("-2", "-1", "0", "1", "2");

    /** A level's field in the form: {@code field} is where its problem is reported. */
    @TemplateData
    public record Level(int index, String value, String field, String text) {}

    @TemplateData
    public record Form(String title, List<Level> levels) {}

    @TemplateData
    public record Review(String title, List<ReviewLine> levels) {}

    static GoalStep read(StepReading r) {
        return new GoalStep(r.key(), r.title(), r.required(), r.s().localized("prompt", true));
    }

    @Override
    public StepView view(ViewContext c) {
        return new StepView(key, type(), c.typeLabel(), title.get(c.lang()), required, null, null, prompt.get(c.lang()),
                null, null, null, null, null, null, null, null, answerShape(), null);
    }

    @Override
    public JsonNode check(JsonNode a, boolean done, AnswerCheck c) {
        ObjectNode out = AnswerCheck.NODES.objectNode();
        String title = c.text(a, "title", 300);
        out.put("title", title == null ? "" : title);
        ObjectNode levels = AnswerCheck.NODES.objectNode();
        JsonNode given = c.object(a, "levels");
        for (String level : LEVELS) {
            String text = c.text(given, level, 1000);
            levels.put(level, text == null ? "" : text);
            if (done && (text == null || text.isBlank())) {
                c.error("answer.levels." + level, "answer.text.required");
            }
        }
        for (Iterator<String> names = given.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!levels.has(name)) {
                c.error("answer.levels." + name, "answer.unknown-item");
            }
        }
        if (done && (title == null || title.isBlank())) {
            c.error("answer.title", "answer.text.required");
        }
        return out.set("levels", levels);
    }

    @Override
    public JsonNode fromForm(Map<String, List<String>> form, JsonNode saved) {
        ObjectNode out = AnswerCheck.NODES.objectNode();
        out.put("title", AnswerForm.first(form, "title"));
        ObjectNode levels = out.putObject("levels");
        for (String level : LEVELS) {
            levels.put(level, AnswerForm.first(form, "level." + level));
        }
        return out;
    }

    @Override
    public Object form(JsonNode answer) {
        JsonNode a = answer == null ? AnswerCheck.NODES.missingNode() : answer;
        return new Form(a.path("title").asText(""), IntStream.range(0, LEVELS.size()).mapToObj(i -> new Level(i, LEVELS.get(i),
                "answer.levels." + LEVELS.get(i), a.path("levels").path(LEVELS.get(i)).asText(""))).toList());
    }

    @Override
    public Object review(JsonNode a, ReviewContext c) {
        return new Review(a.path("title").asText(""), LEVELS.stream().map(level -> new ReviewLine(c.signed(Integer.parseInt(level)),
                a.path("levels").path(level).asText(ReviewLine.NONE), null, false)).toList());
    }

    @Override
    public Map<String, Object> sampleAnswer(SplittableRandom random, LocalDate day) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("title", "Kävelen kauppaan ilman taukoja");
        a.put("levels", Map.of("-2", "En pysty kävelemään kauppaan", "-1", "Kahdella tauolla", "0", "Yhdellä tauolla",
                "1", "Ilman taukoa", "2", "Kauppaan ja takaisin ilman taukoa"));
        return a;
    }
}
