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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/** One or more items the client rates on a numeric scale with labelled ends. */
public record ScaleStep(String key, Localized title, boolean required, Localized prompt, List<Item> items) implements Step {

    public record Item(String key, Localized label, int min, int max, Localized minLabel, Localized maxLabel) {}

    static ScaleStep read(StepReading r) {
        List<Item> items = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        Localized prompt = r.s().localized("prompt", false);
        for (YamlFields i : r.s().list("items", true, "scale item", Set.of("key", "label", "min", "max", "minLabel", "maxLabel"))) {
            String key = i.uniqueKey(keys, "scale item");
            Integer min = i.integer("min", true, -100, 100);
            Integer max = i.integer("max", true, -100, 100);
            if (min != null && max != null && min >= max) {
                i.problem(i.raw("max"), "scale item \"" + key + "\": max (" + max + ") must be greater than min (" + min + ")");
            }
            if (!i.has("minLabel") || !i.has("maxLabel")) {
                i.problem(i.node(), "scale item \"" + key + "\" needs anchor labels: minLabel and maxLabel (what the ends of the scale mean)");
            }
            items.add(new Item(key, i.localized("label", true), StepReading.orDefault(min, 0), StepReading.orDefault(max, 1),
                    i.localized("minLabel", false), i.localized("maxLabel", false)));
        }
        return new ScaleStep(r.key(), r.title(), r.required(), prompt, items);
    }

    @Override
    public StepView view(ViewContext c) {
        String lang = c.lang();
        List<ItemView> views = items.stream().map(i -> new ItemView(i.key(), i.label().get(lang), i.min(), i.max(),
                i.minLabel().get(lang), i.maxLabel().get(lang))).toList();
        return new StepView(key, type(), c.typeLabel(), title.get(lang), required, null, null,
                prompt == null ? null : prompt.get(lang), null, views, null, null, null, null, null, null, answerShape(), null);
    }

    @Override
    public void structure(StringBuilder sb) {
        items.forEach(i -> sb.append(i.key()).append('=').append(i.min()).append("..").append(i.max()).append(';'));
    }

    @Override
    public JsonNode check(JsonNode a, boolean done, AnswerCheck c) {
        Map<String, Item> byKey = items.stream().collect(Collectors.toMap(Item::key, i -> i));
        return c.values(a, done, byKey.keySet(), (k, v) -> v >= byKey.get(k).min() && v <= byKey.get(k).max(),
                "answer.out-of-range", k -> new Object[] {byKey.get(k).min(), byKey.get(k).max()});
    }

    @Override
    public JsonNode fromForm(Map<String, List<String>> form, JsonNode saved) {
        return valuesFromForm(form);
    }

    @Override
    public Object review(JsonNode a, ReviewContext c) {
        List<ReviewLine> lines = new ArrayList<>();
        for (Item item : items) {
            JsonNode v = a.path("values").path(item.key());
            String anchors = item.min() + " = " + item.minLabel().get(c.lang()) + ", " + item.max() + " = "
                    + item.maxLabel().get(c.lang());
            lines.add(new ReviewLine(item.label().get(c.lang()), v.isInt() ? v.asInt() + " / " + item.max() : ReviewLine.NONE,
                    anchors, false));
        }
        return lines;
    }

    /** {@code v.<item>} radio buttons into {@code values}; what is not a number stays for the check to name. */
    static JsonNode valuesFromForm(Map<String, List<String>> form) {
        ObjectNode out = AnswerCheck.NODES.objectNode();
        ObjectNode values = out.putObject("values");
        form.forEach((name, v) -> {
            if (name.startsWith("v.") && !v.isEmpty() && !v.get(0).isBlank()) {
                values.put(name.substring(2), number(v.get(0)));
            }
        });
        return out;
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }

    @Override
    public Map<String, Object> sampleAnswer(SplittableRandom random, LocalDate day) {
        Map<String, Object> values = new LinkedHashMap<>();
        items().forEach(i -> values.put(i.key(), i.min() + random.nextInt(i.max() - i.min() + 1)));
        return new LinkedHashMap<>(Map.of("values", values));
    }
}
