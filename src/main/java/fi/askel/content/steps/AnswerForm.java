package fi.askel.content.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import fi.askel.content.ModuleViews.ChoiceView;
import fi.askel.content.ModuleViews.QuestionView;
import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Map;

/**
 * A saved (or refused) answer as its form shows it again: what to pre-fill, tick and pick. Reads the
 * answer's JSON as it is, so a refused answer with a wrong value still shows what was typed.
 */
@TemplateData
public final class AnswerForm {

    private final JsonNode answer;

    AnswerForm(JsonNode answer) {
        this.answer = answer == null ? MissingNode.getInstance() : answer;
    }

    /** The written answer of a reflection. */
    public String text() {
        return answer.path("text").asText("");
    }

    /** What the client wrote in a part of a plan. */
    public String partText(String part) {
        return answer.path("texts").path(part).asText("");
    }

    /** Whether the item (scale, questionnaire) has this value. */
    public boolean hasValue(String item, Object value) {
        JsonNode v = answer.path("values").path(item);
        return !v.isMissingNode() && String.valueOf(value).equals(v.asText());
    }

    public boolean isChecked(String key) {
        for (JsonNode c : answer.path("checked")) {
            if (c.asText().equals(key)) {
                return true;
            }
        }
        return false;
    }

    public boolean isPicked(String question, String choice) {
        for (JsonNode c : answer.path("answers").path(question)) {
            if (c.asText().equals(choice)) {
                return true;
            }
        }
        return false;
    }

    /** The client picked exactly the correct choices. */
    public boolean quizCorrect(QuestionView q) {
        return q.choices().stream().allMatch(c -> c.correct() == isPicked(q.key(), c.key()));
    }

    /** Several choices are correct, so the question is answered with checkboxes. */
    public boolean multipleCorrect(QuestionView q) {
        return q.choices().stream().filter(ChoiceView::correct).count() > 1;
    }

    /** The first value of a form field, or null. */
    static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
