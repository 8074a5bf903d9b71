package fi.askel.content.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.difflib.DiffUtils;
import fi.askel.common.Messages;
import fi.askel.content.Module;
import fi.askel.content.diff.DiffViews.Change;
import fi.askel.content.diff.DiffViews.LanguageDiff;
import fi.askel.content.diff.DiffViews.StepChange;
import fi.askel.content.diff.DiffViews.Summary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares two modules as they are stored (their JSON snapshot), so every step type is compared the same way without
 * knowing its fields: a text in every language ({@code {fi, sv, en}}) belongs to its language, any other value (a
 * dose, a range, an option's value) to every language. Steps are matched by key: a key only in the newer version was
 * added, one only in the older was removed, and the common steps outside their longest common order were moved.
 */
public final class ModuleComparison {

    /** A value at a place in a module; {@code lang} null for a value that is the same in every language. */
    private record Leaf(String path, String lang, String text) {}

    private ModuleComparison() {}

    /** What changed from {@code before} to {@code after}, in each language; {@code labels} names a field for the reader. */
    public static List<LanguageDiff> compare(ObjectMapper json, Module before, Module after, Function<String, String> labels) {
        JsonNode a = json.valueToTree(before);
        JsonNode b = json.valueToTree(after);
        Map<String, JsonNode> oldSteps = steps(a);
        Map<String, JsonNode> newSteps = steps(b);
        Set<String> moved = moved(oldSteps, newSteps);
        List<String> oldKeys = List.copyOf(oldSteps.keySet());
        List<String> newKeys = List.copyOf(newSteps.keySet());
        List<LanguageDiff> result = new ArrayList<>();
        for (String lang : Messages.LANGUAGES) {
            List<Change> details = changes(own(a), own(b), lang, labels);
            List<StepChange> steps = new ArrayList<>();
            for (String key : newKeys) {
                JsonNode step = newSteps.get(key);
                Integer at = newKeys.indexOf(key) + 1;
                if (!oldSteps.containsKey(key)) {
                    steps.add(new StepChange(key, step.path("type").asText(), title(step, lang), "added", false, null, at, List.of()));
                    continue;
                }
                List<Change> changes = changes(leaves(oldSteps.get(key)), leaves(step), lang, labels);
                boolean m = moved.contains(key);
                if (!changes.isEmpty() || m) {
                    steps.add(new StepChange(key, step.path("type").asText(), title(step, lang), changes.isEmpty() ? "moved" : "changed",
                            m, oldKeys.indexOf(key) + 1, at, changes));
                }
            }
            for (int i = 0; i < oldKeys.size(); i++) {
                String key = oldKeys.get(i);
                if (!newSteps.containsKey(key)) {
                    JsonNode step = oldSteps.get(key);
                    steps.add(placeOf(steps, oldKeys, newKeys, i), new StepChange(key, step.path("type").asText(),
                            title(step, lang), "removed", false, i + 1, null, List.of()));
                }
            }
            result.add(new LanguageDiff(lang, summary(steps, details), details, steps));
        }
        return result;
    }

    private static Summary summary(List<StepChange> steps, List<Change> details) {
        return new Summary(count(steps, "changed"), count(steps, "added"), count(steps, "removed"),
                (int) steps.stream().filter(StepChange::moved).count(), !details.isEmpty());
    }

    private static int count(List<StepChange> steps, String status) {
        return (int) steps.stream().filter(s -> s.status().equals(status)).count();
    }

    /**
     * Where a removed step is listed: after the steps that are, in the newer version, at or before the place of the
     * nearest step that preceded it and was kept (and after the steps removed before it).
     */
    private static int placeOf(List<StepChange> listed, List<String> oldKeys, List<String> newKeys, int index) {
        int anchor = 0;
        for (int i = index - 1; i >= 0 && anchor == 0; i--) {
            anchor = newKeys.indexOf(oldKeys.get(i)) + 1;
        }
        for (int j = 0; j < listed.size(); j++) {
            Integer after = listed.get(j).after();
            if (after != null && after > anchor) {
                return j;
            }
        }
        return listed.size();
    }

    /** The steps both versions have whose order changed: those outside the longest common order. */
    private static Set<String> moved(Map<String, JsonNode> before, Map<String, JsonNode> after) {
        List<String> a = before.keySet().stream().filter(after::containsKey).toList();
        List<String> b = after.keySet().stream().filter(before::containsKey).toList();
        Set<String> moved = new HashSet<>();
        DiffUtils.diff(a, b).getDeltas().forEach(d -> moved.addAll(d.getSource().getLines()));
        return moved;
    }

    private static List<Change> changes(Map<String, Leaf> before, Map<String, Leaf> after, String lang,
            Function<String, String> labels) {
        Set<String> places = new LinkedHashSet<>(after.keySet());
        places.addAll(before.keySet());
        List<Change> changes = new ArrayList<>();
        for (String place : places) {
            Leaf was = before.get(place);
            Leaf now = after.get(place);
            Leaf any = now != null ? now : was;
            if (any.lang() != null && !any.lang().equals(lang)) {
                continue;
            }
            String old = was == null ? "" : was.text();
            String fresh = now == null ? "" : now.text();
            if (!old.equals(fresh)) {
                changes.add(new Change(any.path(), labels.apply(any.path()), old, fresh, WordDiff.of(old, fresh)));
            }
        }
        return changes;
    }

    private static Map<String, JsonNode> steps(JsonNode module) {
        Map<String, JsonNode> steps = new LinkedHashMap<>();
        module.path("steps").forEach(s -> steps.put(s.path("key").asText(), s));
        return steps;
    }

    /** The module's own fields (title, summary, time, themes…), without its name, number and steps. */
    private static Map<String, Leaf> own(JsonNode module) {
        Map<String, Leaf> out = new LinkedHashMap<>();
        module.fields().forEachRemaining(f -> {
            if (!Set.of("slug", "version", "steps").contains(f.getKey())) {
                flatten(f.getValue(), f.getKey(), out);
            }
        });
        return out;
    }

    private static Map<String, Leaf> leaves(JsonNode step) {
        Map<String, Leaf> out = new LinkedHashMap<>();
        step.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("key")) {
                flatten(f.getValue(), f.getKey(), out);
            }
        });
        return out;
    }

    private static void flatten(JsonNode node, String path, Map<String, Leaf> out) {
        if (localized(node)) {
            node.fields().forEachRemaining(f -> out.put(path + "." + f.getKey(), new Leaf(path, f.getKey(), f.getValue().asText(""))));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> flatten(f.getValue(), path + "." + f.getKey(), out));
        } else if (node.isArray() && allScalar(node)) {
            List<String> values = new ArrayList<>();
            node.forEach(v -> values.add(v.asText()));
            out.put(path, new Leaf(path, null, String.join(", ", values)));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "." + i, out);
            }
        } else {
            out.put(path, new Leaf(path, null, node.isNull() ? "" : node.asText()));
        }
    }

    /** A text in each language: an object whose fields are all languages with text (or nothing) in them. */
    private static boolean localized(JsonNode node) {
        if (!node.isObject() || node.isEmpty()) {
            return false;
        }
        var names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!Messages.LANGUAGES.contains(name) || !(node.get(name).isTextual() || node.get(name).isNull())) {
                return false;
            }
        }
        return true;
    }

    private static boolean allScalar(JsonNode array) {
        for (JsonNode v : array) {
            if (v.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static String title(JsonNode step, String lang) {
        String own = step.path("title").path(lang).asText("");
        return own.isBlank() ? step.path("title").path(Messages.DEFAULT_LANGUAGE).asText(step.path("key").asText()) : own;
    }
}
