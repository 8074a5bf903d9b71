package fi.askel.content.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An editor form back into a draft tree. Field names are draft paths ({@code items.0.label.sv}); a name
 * ending in {@code []} is a list of ticked values ({@code themes[]}); of repeated names the last counts
 * (a ticked box after its hidden "false"). Lists come back in index order, whatever was removed.
 */
final class DraftForm {

    private static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9]*(\\.([A-Za-z][A-Za-z0-9]*|\\d{1,4}))*(\\[])?$");
    private static final List<String> NOT_FIELDS = List.of("action", "revision");

    private DraftForm() {}

    static Map<String, Object> parse(Map<String, List<String>> form) {
        Map<String, Object> root = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (NOT_FIELDS.contains(name) || !NAME.matcher(name).matches() || values.isEmpty()) {
                return;
            }
            if (name.endsWith("[]")) {
                List<Object> list = new ArrayList<>(values.stream().filter(v -> !v.isBlank()).map(String::strip).toList());
                put(root, name.substring(0, name.length() - 2), list);
            } else {
                put(root, name, values.get(values.size() - 1).replace("\r\n", "\n"));
            }
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) normalise(root);
        return tree;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String path, Object value) {
        String[] segments = path.split("\\.");
        Object at = root;
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            Object key = DraftTree.isIndex(segments[i]) ? (Object) Integer.valueOf(segments[i]) : segments[i];
            Map<Object, Object> container = (Map<Object, Object>) at;
            if (last) {
                container.put(key, value);
                return;
            }
            Object next = container.get(key);
            if (!(next instanceof Map<?, ?>)) {
                next = DraftTree.isIndex(segments[i + 1]) ? new TreeMap<Integer, Object>() : new LinkedHashMap<String, Object>();
                container.put(key, next);
            }
            at = next;
        }
    }

    /** Index maps become lists. */
    private static Object normalise(Object value) {
        if (value instanceof TreeMap<?, ?> indexed) {
            List<Object> list = new ArrayList<>();
            indexed.values().forEach(v -> list.add(normalise(v)));
            return list;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k.toString(), normalise(v)));
            return out;
        }
        return value;
    }
}
