package fi.askel.content;

import fi.askel.common.Messages;
import java.nio.file.Path;
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
 * Reads one YAML mapping with the line of every field kept, and records a problem (file, line,
 * what is wrong) instead of failing, so an author sees every mistake of a module at once.
 */
public final class YamlFields {

    static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9-]*$");

    private final Path file;
    private final List<ModuleProblem> problems;
    private final Node node;
    private final Map<String, Node> fields = new LinkedHashMap<>();
    private final String where;

    YamlFields(Path file, List<ModuleProblem> problems, Node node, String where, Set<String> allowed) {
        this.file = file;
        this.problems = problems;
        this.node = node;
        this.where = where;
        if (!(node instanceof MappingNode mapping)) {
            problem(node, where + " must be a mapping of fields");
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String name = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (name == null) {
                problem(tuple.getKeyNode(), where + " has a field name that is not plain text");
            } else if (fields.containsKey(name)) {
                problem(tuple.getKeyNode(), where + " has the field \"" + name + "\" twice");
            } else if (!allowed.contains(name)) {
                problem(tuple.getKeyNode(), where + " has an unknown field \"" + name + "\" (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            } else {
                fields.put(name, tuple.getValueNode());
            }
        }
    }

    public static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    public void problem(Node at, String message) {
        problems.add(new ModuleProblem(file, line(at == null ? node : at), message));
    }

    public Path file() {
        return file;
    }

    public List<ModuleProblem> problems() {
        return problems;
    }

    /** A nested mapping read with the same file and problem list. */
    public YamlFields nested(String name, String what, Set<String> allowed) {
        return new YamlFields(file, problems, fields.get(name), what, allowed);
    }

    public Node node() {
        return node;
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    public Node raw(String name) {
        return fields.get(name);
    }

    public String string(String name, boolean required) {
        Node value = fields.get(name);
        if (value == null) {
            if (required) {
                problem(node, where + " is missing \"" + name + "\"");
            }
            return null;
        }
        if (!(value instanceof ScalarNode s) || s.getValue().isBlank()) {
            problem(value, where + ": \"" + name + "\" must be non-empty text");
            return null;
        }
        return s.getValue().trim();
    }

    public String key(String name) {
        String value = string(name, true);
        if (value != null && !KEY.matcher(value).matches()) {
            problem(fields.get(name), where + ": \"" + value + "\" is not a valid " + name
                    + " (lowercase letters, digits and hyphens, e.g. my-step-1)");
            return null;
        }
        return value;
    }

    /** A key field that must differ from those already seen in the same list. */
    public String uniqueKey(Set<String> seen, String what) {
        String key = key("key");
        if (key != null && !seen.add(key)) {
            problem(raw("key"), "duplicate " + what + " key \"" + key + "\"");
        }
        return key;
    }

    public Integer integer(String name, boolean required, int min, int max) {
        String text = string(name, required);
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                problem(fields.get(name), where + ": \"" + name + "\" must be between " + min + " and " + max + ", not " + value);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problem(fields.get(name), where + ": \"" + name + "\" must be a whole number, not \"" + text + "\"");
            return null;
        }
    }

    public boolean bool(String name, boolean fallback) {
        String text = string(name, false);
        if (text == null) {
            return fallback;
        }
        if (!text.equals("true") && !text.equals("false")) {
            problem(fields.get(name), where + ": \"" + name + "\" must be true or false, not \"" + text + "\"");
            return fallback;
        }
        return Boolean.parseBoolean(text);
    }

    public Localized localized(String name, boolean required) {
        Node value = fields.get(name);
        if (value == null) {
            if (required) {
                problem(node, where + " is missing \"" + name + "\" (with fi, sv and en)");
            }
            return null;
        }
        YamlFields langs = new YamlFields(file, problems, value, where + " \"" + name + "\"", Set.copyOf(Messages.LANGUAGES));
        Map<String, String> text = new LinkedHashMap<>();
        for (String lang : Messages.LANGUAGES) {
            if (!langs.has(lang)) {
                langs.problem(value, where + " \"" + name + "\" is missing the " + languageName(lang) + " (" + lang + ") text");
                continue;
            }
            String t = langs.string(lang, true);
            if (t != null) {
                text.put(lang, t);
            }
        }
        return text.size() == Messages.LANGUAGES.size() ? new Localized(text) : null;
    }

    /** The mappings of a list field, each read with its own allowed fields. */
    public List<YamlFields> list(String name, boolean required, String itemName, Set<String> allowed) {
        Node value = fields.get(name);
        List<YamlFields> items = new ArrayList<>();
        if (value == null) {
            if (required) {
                problem(node, where + " is missing \"" + name + "\"");
            }
            return items;
        }
        if (!(value instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problem(value, where + ": \"" + name + "\" must be a non-empty list");
            return items;
        }
        int i = 1;
        for (Node item : seq.getValue()) {
            items.add(new YamlFields(file, problems, item, where + " " + itemName + " " + i++, allowed));
        }
        return items;
    }

    public List<String> words(String name, boolean required, List<String> vocabulary) {
        Node value = fields.get(name);
        List<String> words = new ArrayList<>();
        if (value == null) {
            if (required) {
                problem(node, where + " is missing \"" + name + "\"");
            }
            return words;
        }
        if (!(value instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problem(value, where + ": \"" + name + "\" must be a non-empty list");
            return words;
        }
        for (Node item : seq.getValue()) {
            String word = item instanceof ScalarNode s ? s.getValue() : null;
            if (word == null || !vocabulary.contains(word)) {
                problem(item, where + ": unknown " + name + " value \"" + word + "\" (known: " + String.join(", ", vocabulary) + ")");
            } else {
                words.add(word);
            }
        }
        return words;
    }

    private static String languageName(String lang) {
        return switch (lang) {
            case "fi" -> "Finnish";
            case "sv" -> "Swedish";
            default -> "English";
        };
    }
}
