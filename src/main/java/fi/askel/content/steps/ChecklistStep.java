package fi.askel.content.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.askel.content.Localized;
import fi.askel.content.ModuleViews.ItemView;
import fi.askel.content.ModuleViews.StepView;
import fi.askel.content.YamlFields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/** Items the client ticks (any number of them). */
public record ChecklistStep(String key, Localized title, boolean required, Localized prompt, List<Item> items)
        implements Step {

    public record Item(String key, Localized label) {}

    static ChecklistStep read(StepReading r) {
        Localized prompt = r.s().localized("prompt", false);
        List<Item> items = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (YamlFields i : r.s().list("items", true, "checklist item", Set.of("key", "label"))) {
            items.add(new Item(i.uniqueKey(keys, "checklist item"), i.localized("label", true)));
        }
        return new ChecklistStep(r.key(), r.title(), r.required(), prompt, items);
    }

    @Override
    public StepView view(ViewContext c) {
        List<ItemView> views = items.stream().map(i -> new ItemView(i.key(), i.label().get(c.lang()), null, null, null, null))
                .toList();
        return new StepView(key, type(), c.typeLabel(), title.get(c.lang()), required, null, null,
                prompt == null ? null : prompt.get(c.lang()), null, views, null, null, null, null, null, null, answerShape(), null);
    }

    @Override
    public void structure(StringBuilder sb) {
        items.forEach(i -> sb.append(i.key()).append(';'));
    }

    @Override
    public JsonNode check(JsonNode a, boolean done, AnswerCheck c) {
        Set<String> keys = items.stream().map(Item::key).collect(Collectors.toSet());
        Set<String> checked = new LinkedHashSet<>();
        JsonNode given = a.path("checked");
        if (!given.isMissingNode() && !given.isArray()) {
            c.error("answer.checked", "answer.list-required");
        }
        for (JsonNode k : given) {
            if (!k.isTextual() || !keys.contains(k.asText())) {
                c.error("answer.checked", "answer.unknown-item");
            } else {
                checked.add(k.asText());
            }
        }
        ArrayNode out = AnswerCheck.NODES.arrayNode();
        items.stream().map(Item::key).filter(checked::contains).forEach(out::add);
        return AnswerCheck.NODES.objectNode().set("checked", out);
    }

    @Override
    public JsonNode fromForm(Map<String, List<String>> form, JsonNode saved) {
        ObjectNode out = AnswerCheck.NODES.objectNode();
        ArrayNode checked = out.putArray("checked");
        form.getOrDefault("checked", List.of()).forEach(checked::add);
        return out;
    }

    @Override
    public Object review(JsonNode a, ReviewContext c) {
        Set<String> checked = new HashSet<>();
        a.path("checked").forEach(k -> checked.add(k.asText()));
        return items.stream().map(i -> new ReviewLine(i.label().get(c.lang()),
                c.t(checked.contains(i.key()) ? "review.answer.checked" : "review.answer.unchecked"), null,
                checked.contains(i.key()))).toList();
    }

    @Override
    public Map<String, Object> sampleAnswer(SplittableRandom random, LocalDate day) {
        return new LinkedHashMap<>(Map.of("checked", List.of(items().get(random.nextInt(items().size())).key())));
    }
}
