package fi.askel.content.authoring;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import fi.askel.common.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a draft's module.yaml for the loader to check, one value per line, and remembers which path of
 * the draft each line holds, so a problem the loader reports at a line is shown at its field. The text is
 * JSON, which is YAML too. Empty values are left out, as an author leaves a field out of a file. A text
 * written in some languages only is filled in from another (Finnish first) so that the loader checks
 * everything else: a missing translation is marked by the editor and does not block saving a draft.
 */
final class DraftJson {

    /** A prepared value: text, a list or a map of prepared values; {@code path} is its place in the draft. */
    private record P(String path, Object value) {}

    private final StringBuilder out = new StringBuilder();
    private final List<String> lines = new ArrayList<>();

    private DraftJson() {}

    /** The manifest text and the draft path of each of its lines (index 0 = line 1). */
    record Written(String text, List<String> paths) {
        String pathAt(int line) {
            return line >= 1 && line <= paths.size() ? paths.get(line - 1) : "";
        }
    }

    static Written write(Map<String, Object> module, String version) {
        DraftJson w = new DraftJson();
        P root = prepare(module, "");
        @SuppressWarnings("unchecked")
        Map<String, P> fields = root == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, P>) root.value());
        Map<String, P> ordered = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            ordered.put(k, v);
            if (k.equals("slug")) {
                ordered.put("version", new P("version", version));
            }
        });
        ordered.putIfAbsent("version", new P("version", version));
        w.emit(new P("", ordered), "", "", false);
        return new Written(w.out.toString(), List.copyOf(w.lines));
    }

    private static final java.util.regex.Pattern IMAGE_ALT = java.util.regex.Pattern.compile("^steps\\.\\d+\\.images\\.\\d+\\.alt$");

    /** The languages of a localized text that are written; null when none is. */
    private static Map<String, String> written(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((l, v) -> {
            if (!DraftTree.isBlank(v)) {
                out.put(l.toString(), v.toString().strip());
            }
        });
        return out.isEmpty() ? null : out;
    }

    /** A localized text filled in from the languages that are written; null when none is. */
    static Map<String, String> filled(Object value) {
        if (!(value instanceof Map<?, ?> m) || DraftTree.isBlank(m)) {
            return null;
        }
        String fallback = Messages.LANGUAGES.stream().map(l -> m.get(l)).filter(v -> !DraftTree.isBlank(v))
                .map(Object::toString).findFirst().orElse("");
        Map<String, String> out = new LinkedHashMap<>();
        for (String lang : Messages.LANGUAGES) {
            Object v = m.get(lang);
            out.put(lang, DraftTree.isBlank(v) ? fallback : v.toString().strip());
        }
        return out;
    }

    private static P prepare(Object value, String path) {
        String at = path.isEmpty() ? "" : path + ".";
        if (value instanceof String s) {
            return s.isBlank() ? null : new P(path, s.strip());
        }
        if (DraftTree.isLocalized(value)) {
            // A picture's description is not filled in: the loader names each language missing, and the draft is refused.
            Map<String, String> text = IMAGE_ALT.matcher(path).matches() ? written(value) : filled(value);
            if (text == null) {
                return null;
            }
            Map<String, P> out = new LinkedHashMap<>();
            text.forEach((l, t) -> out.put(l, new P(at + l, t)));
            return new P(path, out);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, P> out = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                P p = k.equals(DraftTree.BODY) ? null : prepare(v, at + k);
                if (p != null) {
                    out.put(k.toString(), p);
                }
            });
            return out.isEmpty() ? null : new P(path, out);
        }
        if (value instanceof List<?> l) {
            List<P> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                P p = prepare(l.get(i), at + i);
                if (p == null && l.get(i) instanceof Map<?, ?>) {
                    p = new P(at + i, new LinkedHashMap<String, P>()); // an empty entry: the loader names what it lacks
                }
                if (p != null) {
                    out.add(p);
                }
            }
            return out.isEmpty() ? null : new P(path, out);
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private void emit(P p, String indent, String name, boolean comma) {
        String head = indent + (name.isEmpty() ? "" : quote(name) + ": ");
        String end = comma ? "," : "";
        if (p.value() instanceof String s) {
            line(head + quote(s) + end, p.path());
        } else if (p.value() instanceof Map<?, ?> m) {
            line(head + "{", p.path());
            List<Map.Entry<String, P>> entries = new ArrayList<>(((Map<String, P>) m).entrySet());
            for (int i = 0; i < entries.size(); i++) {
                emit(entries.get(i).getValue(), indent + "  ", entries.get(i).getKey(), i < entries.size() - 1);
            }
            line(indent + "}" + end, p.path());
        } else if (p.value() instanceof List<?> l) {
            line(head + "[", p.path());
            for (int i = 0; i < l.size(); i++) {
                emit((P) l.get(i), indent + "  ", "", i < l.size() - 1);
            }
            line(indent + "]" + end, p.path());
        }
    }

    private void line(String text, String path) {
        out.append(text).append('\n');
        lines.add(path);
    }

    private static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
