package fi.askel.content.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.askel.content.Localized;
import fi.askel.content.ModuleViews.ChoiceView;
import fi.askel.content.ModuleViews.QuestionView;
import fi.askel.content.ModuleViews.StepView;
import fi.askel.content.YamlFields;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/** Questions with choices, one or more of them correct; the client sees the explanation once done. */
public record QuizStep(String key, Localized title, boolean required, List<Question> questions) implements Step {

    public record Choice(String key, Localized text, boolean correct) {}

    public record Question(String key, Localized text, List<Choice> choices, Localized explanation) {}

    /** A question with what the client picked, for the specialist. */
    @TemplateData
    public record Line(String question, String picked, boolean correct, String correctAnswer, String explanation) {}

    static QuizStep read(StepReading r) {
        List<Question> questions = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (YamlFields q : r.s().list("questions", true, "question", Set.of("key", "text", "choices", "explanation"))) {
            String key = q.uniqueKey(keys, "question");
            List<Choice> choices = new ArrayList<>();
            Set<String> choiceKeys = new HashSet<>();
            for (YamlFields c : q.list("choices", true, "choice", Set.of("key", "text", "correct"))) {
                choices.add(new Choice(c.uniqueKey(choiceKeys, "choice"), c.localized("text", true), c.bool("correct", false)));
            }
            if (!choices.isEmpty() && choices.stream().noneMatch(Choice::correct)) {
                q.problem(q.raw("choices"), "question \"" + key + "\" has no correct choice (mark one with correct: true)");
            }
            if (choices.size() == 1) {
                q.problem(q.raw("choices"), "question \"" + key + "\" needs at least two choices");
            }
            questions.add(new Question(key, q.localized("text", true), List.copyOf(choices), q.localized("explanation", true)));
        }
        return new QuizStep(r.key(), r.title(), r.required(), questions);
    }

    @Override
    public StepView view(ViewContext c) {
        String lang = c.lang();
        List<QuestionView> views = questions.stream().map(q -> new QuestionView(q.key(), q.text().get(lang),
                q.choices().stream().map(ch -> new ChoiceView(ch.key(), ch.text().get(lang), ch.correct())).toList(),
                q.explanation().get(lang))).toList();
        return new StepView(key, type(), c.typeLabel(), title.get(lang), required, null, null, null, null, null, null,
                views, null, null, null, null, answerShape(), null);
    }

    @Override
    public void structure(StringBuilder sb) {
        questions.forEach(q -> {
            sb.append(q.key()).append('[');
            q.choices().forEach(c -> sb.append(c.key()).append(c.correct() ? "*" : "").append(','));
            sb.append(']');
        });
    }

    @Override
    public JsonNode check(JsonNode a, boolean done, AnswerCheck c) {
        ObjectNode answers = AnswerCheck.NODES.objectNode();
        JsonNode given = c.object(a, "answers");
        Map<String, Question> byKey = questions.stream().collect(Collectors.toMap(Question::key, q -> q));
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            Question q = byKey.get(e.getKey());
            String field = "answer.answers." + e.getKey();
            if (q == null || !e.getValue().isArray()) {
                c.error(field, q == null ? "answer.unknown-item" : "answer.list-required");
                continue;
            }
            Set<String> choices = q.choices().stream().map(Choice::key).collect(Collectors.toSet());
            ArrayNode picked = AnswerCheck.NODES.arrayNode();
            for (JsonNode ch : e.getValue()) {
                if (!choices.contains(ch.asText())) {
                    c.error(field, "answer.unknown-choice", ch.asText());
                } else if (!picked.toString().contains("\"" + ch.asText() + "\"")) {
                    picked.add(ch.asText());
                }
            }
            if (!picked.isEmpty()) {
                answers.set(e.getKey(), picked);
            }
        }
        if (done) {
            byKey.keySet().stream().filter(k -> !answers.has(k))
                    .forEach(k -> c.error("answer.answers." + k, "answer.value.required"));
        }
        return AnswerCheck.NODES.objectNode().set("answers", answers);
    }

    @Override
    public JsonNode fromForm(Map<String, List<String>> form, JsonNode saved) {
        ObjectNode out = AnswerCheck.NODES.objectNode();
        ObjectNode answers = out.putObject("answers");
        form.forEach((name, v) -> {
            if (name.startsWith("q.") && !v.isEmpty()) {
                ArrayNode picked = answers.putArray(name.substring(2));
                v.forEach(picked::add);
            }
        });
        return out;
    }

    @Override
    public Object review(JsonNode a, ReviewContext c) {
        String lang = c.lang();
        List<Line> lines = new ArrayList<>();
        for (Question q : questions) {
            Set<String> picked = new HashSet<>();
            a.path("answers").path(q.key()).forEach(ch -> picked.add(ch.asText()));
            Set<String> correct = q.choices().stream().filter(Choice::correct).map(Choice::key).collect(Collectors.toSet());
            String pickedText = q.choices().stream().filter(ch -> picked.contains(ch.key())).map(ch -> ch.text().get(lang))
                    .collect(Collectors.joining("; "));
            String correctText = q.choices().stream().filter(Choice::correct).map(ch -> ch.text().get(lang))
                    .collect(Collectors.joining("; "));
            lines.add(new Line(q.text().get(lang), pickedText.isEmpty() ? c.t("review.answer.none") : pickedText,
                    picked.equals(correct), correctText, q.explanation().get(lang)));
        }
        return lines;
    }

    @Override
    public Map<String, Object> sampleAnswer(SplittableRandom random, LocalDate day) {
        Map<String, Object> picked = new LinkedHashMap<>();
        questions().forEach(x -> picked.put(x.key(), List.of(x.choices().get(random.nextInt(x.choices().size())).key())));
        return new LinkedHashMap<>(Map.of("answers", picked));
    }
}
