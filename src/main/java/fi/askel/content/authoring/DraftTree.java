package fi.askel.content.authoring;

import fi.askel.common.ApiException;
import fi.askel.common.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A draft module as the author typed it: module.yaml as a tree of maps, lists and strings (numbers and
 * booleans too stay the text that was typed, so a refused form comes back exactly as it was), with each
 * step's Markdown text under its {@link #BODY}. Paths name a place in it: {@code steps.2.items.0.label.sv}.
 */
final class DraftTree {

    /** A step's Markdown text per language (&lt;key&gt;.&lt;lang&gt;.md in the exercises/ format). */
    static final String BODY = "body";
    static final Set<String> LANGS = Set.copyOf(Messages.LANGUAGES);
    static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9-]*$");

    private DraftTree() {}

    /** The YAML as a tree of strings (a scalar keeps its text as written). */
    static Object fromYaml(Node node) {
        if (node instanceof MappingNode m) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    map.put(k.getValue(), fromYaml(t.getValueNode()));
                }
            }
            return map;
        }
        if (node instanceof SequenceNode s) {
            List<Object> list = new ArrayList<>();
            s.getValue().forEach(n -> list.add(fromYaml(n)));
            return list;
        }
        return node instanceof ScalarNode s ? s.getValue() : "";
    }

    /** The value at a path, or null. */
    static Object get(Object tree, String path) {
        Object at = tree;
        if (path.isEmpty()) {
            return at;
        }
        for (String segment : path.split("\\.")) {
            if (at instanceof Map<?, ?> map) {
                at = map.get(segment);
            } else if (at instanceof List<?> list && isIndex(segment) && Integer.parseInt(segment) < list.size()) {
                at = list.get(Integer.parseInt(segment));
            } else {
                return null;
            }
        }
        return at;
    }

    static String text(Object tree, String path) {
        Object v = get(tree, path);
        return v instanceof String s ? s : "";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object tree, String path) {
        Object v = get(tree, path);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object tree, String path) {
        Object v = get(tree, path);
        return v instanceof List<?> l ? (List<Object>) l : null;
    }

    static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.length() < 5 && segment.chars().allMatch(Character::isDigit);
    }

    /** A map of languages only: a localized text. */
    static boolean isLocalized(Object value) {
        return value instanceof Map<?, ?> m && !m.isEmpty() && LANGS.containsAll(m.keySet());
    }

    static boolean isBlank(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof String s) {
            return s.isBlank();
        }
        if (value instanceof Map<?, ?> m) {
            return m.values().stream().allMatch(DraftTree::isBlank);
        }
        return false;
    }

    /** A localized text with nothing written yet. */
    static Map<String, Object> blankText() {
        Map<String, Object> text = new LinkedHashMap<>();
        Messages.LANGUAGES.forEach(l -> text.put(l, ""));
        return text;
    }

    /** A deep copy (what is stored never shares lists with what a form changes). */
    @SuppressWarnings("unchecked")
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, copy(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(copy(v)));
            return out;
        }
        return value;
    }

    /**
     * The languages of a localized text at {@code path} that are empty while another is written: what a
     * translator still has to do. Nothing when none is written (the loader names a missing required text).
     */
    static List<String> missing(Object tree, String path) {
        Object v = get(tree, path);
        if (!(v instanceof Map<?, ?> m) || isBlank(m)) {
            return List.of();
        }
        return Messages.LANGUAGES.stream().filter(l -> isBlank(m.get(l))).toList();
    }

    /** Every path of a localized text under {@code path} that misses a language (for the step list's marks). */
    static List<String> missingUnder(Object tree, String path) {
        List<String> out = new ArrayList<>();
        collectMissing(get(tree, path), path, out);
        return out;
    }

    private static void collectMissing(Object value, String path, List<String> out) {
        if (isLocalized(value)) {
            missingOf(value).forEach(l -> out.add(path + "." + l));
        } else if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> collectMissing(v, path.isEmpty() ? k.toString() : path + "." + k, out));
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                collectMissing(l.get(i), path + "." + i, out);
            }
        }
    }

    private static List<String> missingOf(Object value) {
        Map<?, ?> m = (Map<?, ?>) value;
        return isBlank(m) ? List.of() : Messages.LANGUAGES.stream().filter(l -> isBlank(m.get(l))).toList();
    }

    /**
     * A copy of {@code prototype} for a new list entry: its texts empty, its key made unique among
     * {@code siblings}, numbers and choices as the prototype has them.
     */
    @SuppressWarnings("unchecked")
    static Object fresh(Object prototype, List<Object> siblings) {
        Object copy = copy(prototype);
        if (copy instanceof Map<?, ?> m) {
            Map<String, Object> map = (Map<String, Object>) m;
            blankTexts(map);
            if (map.get("key") instanceof String key) {
                map.put("key", uniqueKey(key.isBlank() ? "item" : key, siblings));
            }
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static void blankTexts(Object value) {
        if (isLocalized(value)) {
            ((Map<String, Object>) value).replaceAll((k, v) -> "");
        } else if (value instanceof Map<?, ?> m) {
            m.values().forEach(DraftTree::blankTexts);
        } else if (value instanceof List<?> l) {
            l.forEach(DraftTree::blankTexts);
        }
    }

    /** {@code base}, or base-2, base-3… whichever no sibling has as its key. */
    static String uniqueKey(String base, List<Object> siblings) {
        Set<String> taken = new java.util.HashSet<>();
        siblings.forEach(s -> {
            if (s instanceof Map<?, ?> m && m.get("key") instanceof String k) {
                taken.add(k);
            }
        });
        String stem = base.replaceAll("-\\d+$", "");
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2;; n++) {
            if (!taken.contains(stem + "-" + n)) {
                return stem + "-" + n;
            }
        }
    }

    /** The steps list; 404 when {@code index} (unless -1) is not one of them. */
    @SuppressWarnings("unchecked")
    static List<Object> steps(Map<String, Object> tree, int index) {
        if (!(tree.get("steps") instanceof List<?>)) {
            tree.put("steps", new ArrayList<>());
        }
        List<Object> steps = (List<Object>) tree.get("steps");
        if (index != -1 && (index < 0 || index >= steps.size())) {
            throw ApiException.notFound("step");
        }
        return steps;
    }
}
