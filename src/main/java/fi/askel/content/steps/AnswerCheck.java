package fi.askel.content.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks an answer against its step and collects every problem, each naming its field (e.g.
 * {@code answer.values.pain}), with the small readers the step types share.
 */
public final class AnswerCheck {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<FieldError> errors = new ArrayList<>();
    private final LocalDate today;

    private AnswerCheck(LocalDate today) {
        this.today = today;
    }

    /** The answer in its normal form, or a 400 listing every problem. */
    public static JsonNode check(Step step, JsonNode answer, boolean done, LocalDate today) {
        if (answer == null || !answer.isObject()) {
            throw ApiException.invalid("answer", "answer.object-required");
        }
        AnswerCheck c = new AnswerCheck(today);
        JsonNode normal = step.check(answer, done, c);
        if (!c.errors.isEmpty()) {
            throw ApiException.invalid(c.errors);
        }
        return normal;
    }

    LocalDate today() {
        return today;
    }

    void error(String field, String messageKey, Object... args) {
        errors.add(new FieldError(field, messageKey, args));
    }

    JsonNode object(JsonNode a, String name) {
        JsonNode node = a.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return NODES.objectNode();
        }
        if (!node.isObject()) {
            error("answer." + name, "answer.object-required");
            return NODES.objectNode();
        }
        return node;
    }

    String text(JsonNode a, String name, int max) {
        return text(a, name, max, "answer");
    }

    /** A text field of the object found at {@code at} (e.g. {@code answer.logs[2]}). */
    String text(JsonNode a, String name, int max, String at) {
        JsonNode node = a.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            error(at + "." + name, "answer.text.invalid");
            return null;
        }
        if (node.asText().length() > max) {
            error(at + "." + name, "answer.text.too-long", max);
            return null;
        }
        return node.asText();
    }

    /** Which whole numbers an item takes. */
    interface ValueRule {
        boolean allows(String item, int value);
    }

    /**
     * {@code values}: a whole number per item, as the rule allows (else the invalid message with the
     * item's arguments); a final answer has every item, asked in the given order.
     */
    JsonNode values(JsonNode a, boolean done, Collection<String> items, ValueRule rule, String invalid,
            Function<String, Object[]> invalidArgs) {
        ObjectNode values = NODES.objectNode();
        JsonNode given = object(a, "values");
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "answer.values." + e.getKey();
            if (!items.contains(e.getKey())) {
                error(field, "answer.unknown-item");
            } else if (e.getValue().isNull()) {
                continue;
            } else if (!e.getValue().canConvertToExactIntegral() || !rule.allows(e.getKey(), e.getValue().asInt())) {
                error(field, invalid, invalidArgs.apply(e.getKey()));
            } else {
                values.put(e.getKey(), e.getValue().asInt());
            }
        }
        if (done) {
            items.stream().filter(k -> !values.has(k)).forEach(k -> error("answer.values." + k, "answer.value.required"));
        }
        return NODES.objectNode().set("values", values);
    }

    void number(JsonNode log, String name, int min, int max, String at, ObjectNode out, boolean required) {
        JsonNode node = log.path(name);
        if (node.isMissingNode() || node.isNull()) {
            if (required) {
                error(at + "." + name, "answer.value.required");
            }
            out.putNull(name);
        } else if (!node.canConvertToExactIntegral() || node.asInt() < min || node.asInt() > max) {
            error(at + "." + name, "answer.out-of-range", min, max);
        } else {
            out.put(name, node.asInt());
        }
    }
}
