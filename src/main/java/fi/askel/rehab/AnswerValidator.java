package fi.askel.rehab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.content.Step;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an answer against its step and returns it in its normal form (unknown fields dropped,
 * duplicates removed). A draft may be partial; a final answer must be complete. Every problem names
 * the field, e.g. {@code answer.values.pain}.
 */
final class AnswerValidator {

    static final int MAX_TEXT = 4000;
    static final int MAX_LOGS = 400;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<FieldError> errors = new ArrayList<>();

    private AnswerValidator() {}

    static JsonNode check(Step step, JsonNode answer, boolean done, LocalDate today) {
        AnswerValidator v = new AnswerValidator();
        if (answer == null || !answer.isObject()) {
            throw ApiException.invalid("answer", "answer.object-required");
        }
        JsonNode normal = switch (step.answerShape()) {
            case "read" -> v.read(answer, done);
            case "reflection" -> v.reflection((Step.Reflection) step, answer, done);
            case "scale" -> v.scale((Step.Scale) step, answer, done);
            case "checklist" -> v.checklist((Step.Checklist) step, answer);
            case "exercise" -> v.exercise(answer, done, today);
            case "quiz" -> v.quiz((Step.Quiz) step, answer, done);
            case "goal" -> v.goal(answer, done);
            default -> v.questionnaire((Step.Questionnaire) step, answer, done);
        };
        if (!v.errors.isEmpty()) {
            throw ApiException.invalid(v.errors);
        }
        return normal;
    }

    private JsonNode read(JsonNode a, boolean done) {
        boolean read = a.path("read").asBoolean(false);
        if (done && !read) {
            errors.add(new FieldError("answer.read", "answer.read.required"));
        }
        return NODES.objectNode().put("read", read);
    }

    private JsonNode reflection(Step.Reflection step, JsonNode a, boolean done) {
        String text = text(a, "text", step.maxLength());
        if (done && (text == null || text.isBlank())) {
            errors.add(new FieldError("answer.text", "answer.text.required"));
        }
        return NODES.objectNode().put("text", text == null ? "" : text);
    }

    private JsonNode scale(Step.Scale step, JsonNode a, boolean done) {
        ObjectNode values = NODES.objectNode();
        JsonNode given = object(a, "values");
        Map<String, Step.ScaleItem> items = step.items().stream().collect(Collectors.toMap(Step.ScaleItem::key, i -> i));
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            Step.ScaleItem item = items.get(e.getKey());
            String field = "answer.values." + e.getKey();
            if (item == null) {
                errors.add(new FieldError(field, "answer.unknown-item"));
            } else if (e.getValue().isNull()) {
                continue;
            } else if (!e.getValue().canConvertToExactIntegral() || e.getValue().asInt() < item.min() || e.getValue().asInt() > item.max()) {
                errors.add(new FieldError(field, "answer.out-of-range", item.min(), item.max()));
            } else {
                values.put(e.getKey(), e.getValue().asInt());
            }
        }
        if (done) {
            items.keySet().stream().filter(k -> !values.has(k))
                    .forEach(k -> errors.add(new FieldError("answer.values." + k, "answer.value.required")));
        }
        return NODES.objectNode().set("values", values);
    }

    private JsonNode checklist(Step.Checklist step, JsonNode a) {
        Set<String> keys = step.items().stream().map(Step.ChecklistItem::key).collect(Collectors.toSet());
        Set<String> checked = new LinkedHashSet<>();
        JsonNode given = a.path("checked");
        if (!given.isMissingNode() && !given.isArray()) {
            errors.add(new FieldError("answer.checked", "answer.list-required"));
        }
        for (JsonNode k : given) {
            if (!k.isTextual() || !keys.contains(k.asText())) {
                errors.add(new FieldError("answer.checked", "answer.unknown-item"));
            } else {
                checked.add(k.asText());
            }
        }
        ArrayNode out = NODES.arrayNode();
        step.items().stream().map(Step.ChecklistItem::key).filter(checked::contains).forEach(out::add);
        return NODES.objectNode().set("checked", out);
    }

    private JsonNode exercise(JsonNode a, boolean done, LocalDate today) {
        ArrayNode logs = NODES.arrayNode();
        JsonNode given = a.path("logs");
        if (!given.isMissingNode() && !given.isArray()) {
            errors.add(new FieldError("answer.logs", "answer.list-required"));
        } else if (given.size() > MAX_LOGS) {
            errors.add(new FieldError("answer.logs", "answer.too-many", MAX_LOGS));
        }
        int i = 0;
        for (JsonNode log : given) {
            String at = "answer.logs[" + i++ + "]";
            ObjectNode out = NODES.objectNode();
            LocalDate date = null;
            try {
                date = LocalDate.parse(log.path("date").asText(""));
                if (date.isAfter(today)) {
                    errors.add(new FieldError(at + ".date", "answer.date.future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(at + ".date", "answer.date.invalid"));
            }
            out.put("date", date == null ? null : date.toString());
            number(log, "sets", 0, 100, at, out, false);
            number(log, "reps", 0, 1000, at, out, false);
            number(log, "minutes", 0, 600, at, out, false);
            number(log, "effort", 0, 10, at, out, true);
            number(log, "pain", 0, 10, at, out, true);
            String note = text(log, "note", 1000);
            if (note != null && !note.isBlank()) {
                out.put("note", note);
            }
            logs.add(out);
        }
        if (done && logs.isEmpty()) {
            errors.add(new FieldError("answer.logs", "answer.logs.required"));
        }
        return NODES.objectNode().set("logs", logs);
    }

    private JsonNode quiz(Step.Quiz step, JsonNode a, boolean done) {
        ObjectNode answers = NODES.objectNode();
        JsonNode given = object(a, "answers");
        Map<String, Step.Question> questions = step.questions().stream().collect(Collectors.toMap(Step.Question::key, q -> q));
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            Step.Question q = questions.get(e.getKey());
            String field = "answer.answers." + e.getKey();
            if (q == null || !e.getValue().isArray()) {
                errors.add(new FieldError(field, q == null ? "answer.unknown-item" : "answer.list-required"));
                continue;
            }
            Set<String> choices = q.choices().stream().map(Step.Choice::key).collect(Collectors.toSet());
            ArrayNode picked = NODES.arrayNode();
            for (JsonNode c : e.getValue()) {
                if (!choices.contains(c.asText())) {
                    errors.add(new FieldError(field, "answer.unknown-choice", c.asText()));
                } else if (!picked.toString().contains("\"" + c.asText() + "\"")) {
                    picked.add(c.asText());
                }
            }
            if (!picked.isEmpty()) {
                answers.set(e.getKey(), picked);
            }
        }
        if (done) {
            questions.keySet().stream().filter(k -> !answers.has(k))
                    .forEach(k -> errors.add(new FieldError("answer.answers." + k, "answer.value.required")));
        }
        return NODES.objectNode().set("answers", answers);
    }

    private JsonNode goal(JsonNode a, boolean done) {
        ObjectNode out = NODES.objectNode();
        String title = text(a, "title", 300);
        out.put("title", title == null ? "" : title);
        ObjectNode levels = NODES.objectNode();
        JsonNode given = object(a, "levels");
        for (String level : List.of("-2", "-1", "0", "1", "2")) {
            String text = text(given, level, 1000);
            levels.put(level, text == null ? "" : text);
            if (done && (text == null || text.isBlank())) {
                errors.add(new FieldError("answer.levels." + level, "answer.text.required"));
            }
        }
        for (Iterator<String> names = given.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!levels.has(name)) {
                errors.add(new FieldError("answer.levels." + name, "answer.unknown-item"));
            }
        }
        if (done && (title == null || title.isBlank())) {
            errors.add(new FieldError("answer.title", "answer.text.required"));
        }
        return out.set("levels", levels);
    }

    private JsonNode questionnaire(Step.Questionnaire step, JsonNode a, boolean done) {
        ObjectNode values = NODES.objectNode();
        JsonNode given = object(a, "values");
        Set<String> items = step.items().stream().map(Step.Item::key).collect(Collectors.toSet());
        Set<Integer> allowed = step.options().stream().map(Step.Option::value).collect(Collectors.toSet());
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "answer.values." + e.getKey();
            if (!items.contains(e.getKey())) {
                errors.add(new FieldError(field, "answer.unknown-item"));
            } else if (e.getValue().isNull()) {
                continue;
            } else if (!e.getValue().canConvertToExactIntegral() || !allowed.contains(e.getValue().asInt())) {
                errors.add(new FieldError(field, "answer.option-invalid",
                        allowed.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "))));
            } else {
                values.put(e.getKey(), e.getValue().asInt());
            }
        }
        if (done) {
            step.items().stream().map(Step.Item::key).filter(k -> !values.has(k))
                    .forEach(k -> errors.add(new FieldError("answer.values." + k, "answer.value.required")));
        }
        return NODES.objectNode().set("values", values);
    }

    private JsonNode object(JsonNode a, String name) {
        JsonNode node = a.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return NODES.objectNode();
        }
        if (!node.isObject()) {
            errors.add(new FieldError("answer." + name, "answer.object-required"));
            return NODES.objectNode();
        }
        return node;
    }

    private String text(JsonNode a, String name, int max) {
        JsonNode node = a.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError("answer." + name, "answer.text.invalid"));
            return null;
        }
        if (node.asText().length() > max) {
            errors.add(new FieldError("answer." + name, "answer.text.too-long", max));
            return null;
        }
        return node.asText();
    }

    private void number(JsonNode log, String name, int min, int max, String at, ObjectNode out, boolean required) {
        JsonNode node = log.path(name);
        if (node.isMissingNode() || node.isNull()) {
            if (required) {
                errors.add(new FieldError(at + "." + name, "answer.value.required"));
            }
            out.putNull(name);
        } else if (!node.canConvertToExactIntegral() || node.asInt() < min || node.asInt() > max) {
            errors.add(new FieldError(at + "." + name, "answer.out-of-range", min, max));
        } else {
            out.put(name, node.asInt());
        }
    }
}
