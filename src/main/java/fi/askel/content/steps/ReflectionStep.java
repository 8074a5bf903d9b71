package fi.askel.content.steps;

import com.fasterxml.jackson.databind.JsonNode;
import fi.askel.content.Localized;
import fi.askel.content.ModuleViews.StepView;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A prompt the client answers in their own words. */
public record ReflectionStep(String key, Localized title, boolean required, Localized prompt, int maxLength) implements Step {

    static ReflectionStep read(StepReading r) {
        return new ReflectionStep(r.key(), r.title(), r.required(), r.s().localized("prompt", true),
                StepReading.orDefault(r.s().integer("maxLength", false, 10, 20_000), 4000));
    }

    @Override
    public StepView view(ViewContext c) {
        return new StepView(key, type(), c.typeLabel(), title.get(c.lang()), required, null, null, prompt.get(c.lang()),
                maxLength, null, null, null, null, null, null, null, answerShape(), null);
    }

    @Override
    public void structure(StringBuilder sb) {
        sb.append(maxLength);
    }

    @Override
    public JsonNode check(JsonNode a, boolean done, AnswerCheck c) {
        String text = c.text(a, "text", maxLength);
        if (done && (text == null || text.isBlank())) {
            c.error("answer.text", "answer.text.required");
        }
        return AnswerCheck.NODES.objectNode().put("text", text == null ? "" : text);
    }

    @Override
    public JsonNode fromForm(Map<String, List<String>> form, JsonNode saved) {
        return AnswerCheck.NODES.objectNode().put("text", AnswerForm.first(form, "text"));
    }

    /** The text the client wrote. */
    @Override
    public Object review(JsonNode answer, ReviewContext c) {
        return answer.path("text").asText("");
    }

    @Override
    public Map<String, Object> sampleAnswer(SplittableRandom random, LocalDate day) {
        String text = SampleAnswers.pick(SampleAnswers.REFLECTIONS, random);
        return new LinkedHashMap<>(Map.of("text", text.length() > maxLength() ? text.substring(0, maxLength()) : text));
    }
}
