package fi.askel.content.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.askel.content.Localized;
import fi.askel.content.ModuleViews.ItemView;
import fi.askel.content.ModuleViews.StepView;
import fi.askel.content.YamlFields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The client's own plan for after the course, written in the parts the module names (what I keep doing, what
 * helps when it gets hard, whom I contact…). Its form first shows what the client built during the course (their
 * goals and the exercises they logged most), which the page that shows the step brings: content knows nobody's
 * answers.
 */
public record PlanStep(String key, Localized title, boolean required, Localized prompt, int maxLength, List<Part> parts)
        implements Step {

    /** One part of the plan: a text area with its label, an optional hint, and whether a finished plan needs it. */
    public record Part(String key, Localized label, Localized hint, boolean required) {}

    /** The form field of a part (its problem is reported as {@code answer.texts.<key>}). */
    public static final String FIELD_PREFIX = "p.";
    /** Where the parts are in an answer, and the JSON path an error names. */
    private static final String TEXTS = "texts";
    private static final String AT = "answer." + TEXTS;

    static PlanStep read(StepReading r) {
        Localized prompt = r.s().localized("prompt", false);
        int maxLength = StepReading.orDefault(r.s().integer("maxLength", false, 10, 20_000), 2000);
        List<Part> parts = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (YamlFields p : r.s().list("parts", true, "plan part", Set.of("key", "label", "hint", "required"))) {
            parts.add(new Part(p.uniqueKey(keys, "plan part"), p.localized("label", true), p.localized("hint", false),
                    p.bool("required", true)));
        }
        return new PlanStep(r.key(), r.title(), r.required(), prompt, maxLength, parts);
    }

    @Override
    public StepView view(ViewContext c) {
        List<ItemView> views = parts.stream().map(p -> new ItemView(p.key(), p.label().get(c.lang()), null, null, null, null,
                p.hint() == null ? null : p.hint().get(c.lang()), p.required())).toList();
        return new StepView(key, type(), c.typeLabel(), title.get(c.lang()), required, null, null,
                prompt == null ? null : prompt.get(c.lang()), maxLength, views, null, null, null, null, null, null, answerShape(), null);
    }

    @Override
    public void structure(StringBuilder sb) {
        sb.append(maxLength).append(';');
        parts.forEach(p -> sb.append(p.key()).append(p.required() ? "!" : "").append(';'));
    }

    @Override
    public JsonNode check(JsonNode a, boolean done, AnswerCheck c) {
        JsonNode given = c.object(a, TEXTS);
        ObjectNode texts = AnswerCheck.NODES.objectNode();
        for (Part p : parts) {
            String text = c.text(given, p.key(), maxLength, AT);
            texts.put(p.key(), text == null ? "" : text);
            if (done && p.required() && (text == null || text.isBlank())) {
                c.error(AT + "." + p.key(), "answer.text.required");
            }
        }
        for (Iterator<String> names = given.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!texts.has(name)) {
                c.error(AT + "." + name, "answer.unknown-item");
            }
        }
        return AnswerCheck.NODES.objectNode().set(TEXTS, texts);
    }

    @Override
    public JsonNode fromForm(Map<String, List<String>> form, JsonNode saved) {
        ObjectNode texts = AnswerCheck.NODES.objectNode();
        for (Part p : parts) {
            String text = AnswerForm.first(form, FIELD_PREFIX + p.key());
            texts.put(p.key(), text == null ? "" : text);
        }
        return AnswerCheck.NODES.objectNode().set(TEXTS, texts);
    }

    /** Each part's label with what the client wrote (a dash where they wrote nothing). */
    @Override
    public Object review(JsonNode answer, ReviewContext c) {
        return parts.stream().map(p -> {
            String text = answer.path(TEXTS).path(p.key()).asText("");
            return new ReviewLine(p.label().get(c.lang()), text.isBlank() ? ReviewLine.NONE : text, null, !text.isBlank());
        }).toList();
    }

    /** The form shows what the client built during the course above the plan's fields. */
    @Override
    public boolean showsCourseSoFar() {
        return true;
    }

    @Override
    public Map<String, Object> sampleAnswer(SplittableRandom random, LocalDate day) {
        Map<String, Object> texts = new LinkedHashMap<>();
        parts().forEach(part -> texts.put(part.key(), SampleAnswers.pick(SampleAnswers.PLANS, random)));
        return new LinkedHashMap<>(Map.of("texts", texts));
    }
}
