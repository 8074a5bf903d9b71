package fi.askel.content.authoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.askel.common.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The translations of a draft that are older than their Finnish text: a save that changes a text's Finnish and
 * leaves its Swedish or English as it was marks those languages ({@code title.sv}); saving a new text in that
 * language clears its mark, and so does emptying it (it is then missing, marked as such). Finnish is the source
 * language the providers write in. A mark only warns: publishing is not blocked by it, as a translation that still
 * says the same in other words is a judgement for the author and the reviewer, not the service.
 */
final class OutdatedTranslations {

    private static final String SOURCE = "fi";
    private static final TypeReference<List<String>> PATHS = new TypeReference<>() {};

    private OutdatedTranslations() {}

    static Set<String> read(ObjectMapper json, Draft draft) {
        if (draft.outdated == null || draft.outdated.isBlank()) {
            return new TreeSet<>();
        }
        try {
            return new TreeSet<>(json.readValue(draft.outdated, PATHS));
        } catch (JsonProcessingException e) {
            return new TreeSet<>(); // marks are a hint: unreadable ones are dropped, not fatal
        }
    }

    static String write(ObjectMapper json, Set<String> marks) {
        try {
            return marks.isEmpty() ? null : json.writeValueAsString(List.copyOf(marks));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The marks after texts were edited in place ({@code before} and {@code after} have their parts at the same paths). */
    static Set<String> edited(Object before, Object after, Set<String> marks) {
        Set<String> out = new TreeSet<>();
        for (String path : localized(after)) {
            Object old = DraftTree.get(before, path);
            String oldSource = norm(DraftTree.text(before, path + "." + SOURCE));
            String newSource = norm(DraftTree.text(after, path + "." + SOURCE));
            boolean sourceChanged = DraftTree.isLocalized(old) && !newSource.isEmpty() && !oldSource.equals(newSource);
            for (String lang : Messages.LANGUAGES) {
                String mark = path + "." + lang;
                String now = norm(DraftTree.text(after, mark));
                if (lang.equals(SOURCE) || now.isEmpty() || !now.equals(norm(DraftTree.text(before, mark)))) {
                    continue;
                }
                if (sourceChanged || marks.contains(mark)) {
                    out.add(mark);
                }
            }
        }
        return out;
    }

    /** The marks after steps were added, moved or removed: each follows its step (by key); a removed step's go. */
    static Set<String> moved(Object before, Object after, Set<String> marks) {
        Set<String> out = new TreeSet<>();
        List<Object> steps = DraftTree.list(after, "steps");
        for (String mark : marks) {
            String[] parts = mark.split("\\.", 3);
            if (!parts[0].equals("steps") || parts.length < 3 || !DraftTree.isIndex(parts[1])) {
                out.add(mark);
                continue;
            }
            String key = DraftTree.text(before, "steps." + parts[1] + ".key");
            for (int i = 0; steps != null && i < steps.size(); i++) {
                if (!key.isEmpty() && key.equals(DraftTree.text(steps.get(i), "key"))) {
                    out.add("steps." + i + "." + parts[2]);
                }
            }
        }
        return out;
    }

    /** The marks within the part at {@code prefix}, relative to it (for a step's own editor). */
    static Set<String> within(Set<String> marks, String prefix) {
        Set<String> out = new TreeSet<>();
        marks.stream().filter(m -> prefix.isEmpty() || m.startsWith(prefix + "."))
                .forEach(m -> out.add(prefix.isEmpty() ? m : m.substring(prefix.length() + 1)));
        return out;
    }

    /** Every path of a localized text in the tree. */
    private static List<String> localized(Object tree) {
        List<String> out = new ArrayList<>();
        collect(tree, "", out);
        return out;
    }

    private static void collect(Object value, String path, List<String> out) {
        if (DraftTree.isLocalized(value)) {
            out.add(path);
        } else if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> collect(v, path.isEmpty() ? k.toString() : path + "." + k, out));
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                collect(l.get(i), path + "." + i, out);
            }
        }
    }

    private static String norm(String text) {
        return text.strip().replace("\r\n", "\n");
    }
}
