package fi.askel.content.steps;

import com.fasterxml.jackson.databind.JsonNode;
import fi.askel.content.Localized;
import fi.askel.content.ModuleViews.StepView;
import fi.askel.content.SafetyText;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The shared red-flag advice (exercises/_safety), included by reference so that every module gives
 * the same advice: the topics chosen from it, and an optional preface of the module's own
 * (&lt;key&gt;.&lt;lang&gt;.md, which may not restate the advice). The shared text itself is looked up
 * when the step is shown, so an older module version shows the current advice too. Answered like a
 * {@code read} step: the client confirms having read it.
 */
public record SafetyStep(String key, Localized title, boolean required, Localized preface, List<String> topics)
        implements Step {

    static SafetyStep read(StepReading r) {
        return new SafetyStep(r.key(), r.title(), r.required(), r.optionalMarkdown(), topics(r));
    }

    private static List<String> topics(StepReading r) {
        if (r.safety() == null) {
            r.s().problem(r.s().raw("type"), "a safety step includes the shared safety text, but exercises/" + SafetyText.FOLDER
                    + " is missing or broken");
            return List.of();
        }
        if (!r.s().has("topics")) {
            return List.of(); // all of them
        }
        return r.s().words("topics", true, r.safety().topics());
    }

    @Override
    public String answerShape() {
        return "read";
    }

    @Override
    public StepView view(ViewContext c) {
        String html = preface == null ? null : c.html(preface.get(c.lang()));
        return new StepView(key, type(), c.typeLabel(), title.get(c.lang()), required, html, null, null, null, null,
                null, null, null, null, null, null, answerShape(), c.safety(topics));
    }

    @Override
    public JsonNode check(JsonNode answer, boolean done, AnswerCheck c) {
        return ReadStep.checkRead(answer, done, c);
    }

    @Override
    public JsonNode fromForm(Map<String, List<String>> form, JsonNode saved) {
        return AnswerCheck.NODES.objectNode().put("read", true);
    }

    @Override
    public Object review(JsonNode answer, ReviewContext c) {
        return ReadStep.reviewRead(answer, c);
    }

    @Override
    public boolean autosaves() {
        return false;
    }

    @Override
    public Map<String, Object> sampleAnswer(SplittableRandom random, LocalDate day) {
        return new LinkedHashMap<>(Map.of("read", true)); // the client has read it
    }
}
