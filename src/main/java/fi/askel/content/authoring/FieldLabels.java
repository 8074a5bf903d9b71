package fi.askel.content.authoring;

import fi.askel.common.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A place in a module as a reader names it, in their language: {@code steps.2.title.sv} is "Step 3 › Title",
 * {@code items.1.label} "Item 2 › Label". The language is left out (the caller names it); a part without a label of
 * its own is shown as it is. The editor's refusals and the differences between versions name places alike.
 */
final class FieldLabels {

    /** Names in a stored module that the editor's forms call otherwise. */
    private static final Map<String, String> ALIASES = Map.of("estimatedMinutes", "minutes", "daysPerWeek", "dose.days");

    private final Messages messages;
    private final String lang;

    FieldLabels(Messages messages, String lang) {
        this.messages = messages;
        this.lang = lang;
    }

    String name(String path) {
        List<String> parts = new ArrayList<>();
        String[] segments = path.isEmpty() ? new String[0] : path.split("\\.");
        String parent = "";
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            boolean next = i + 1 < segments.length && DraftTree.isIndex(segments[i + 1]);
            if (next && s.equals("steps")) {
                parts.add(messages.get(lang, "authoring.where.step", Integer.parseInt(segments[++i]) + 1));
            } else if (next) {
                parts.add(messages.get(lang, "authoring.item", Integer.parseInt(segments[++i]) + 1));
            } else if (i == segments.length - 1 && DraftTree.LANGS.contains(s)) {
                continue;
            } else {
                parts.add(label(parent, s));
            }
            parent = s;
        }
        return String.join(" › ", parts);
    }

    private String label(String parent, String segment) {
        String alias = ALIASES.getOrDefault(segment, segment);
        String kebab = alias.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
        for (String key : List.of("authoring.field." + parent + "." + alias, "authoring.field." + alias, "authoring.field." + kebab)) {
            if (messages.has(key)) {
                return messages.get(lang, key);
            }
        }
        return segment;
    }
}
