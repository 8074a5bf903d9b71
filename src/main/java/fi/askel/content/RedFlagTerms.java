package fi.askel.content;

import fi.askel.common.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Words that mark red-flag advice (exercises/_safety/red-flag-terms.txt). Such advice lives only in
 * the shared safety text, so a module text that uses one of them restates it in its own words and
 * is refused with the file and line: the module includes the shared text with a {@code safety} step.
 * A term matches where a word starts with it (so a stem catches every inflection); a term ending in
 * a digit must also end the number (112 is not found in 09 2525 0112). Parts joined by " &amp; " must all be used
 * in the same text (a line of Markdown, a value of module.yaml).
 */
final class RedFlagTerms {

    static final String FILE = "red-flag-terms.txt";

    private final List<String> terms;
    /** Each term's parts (split once here: splitting for every text was half of the module catalogue's start-up). */
    private final List<List<String>> parts;

    private RedFlagTerms(List<String> terms) {
        this.terms = terms;
        this.parts = terms.stream().map(term -> java.util.Arrays.stream(term.split(" & ")).map(String::strip).toList()).toList();
    }

    /** The list in exercises/_safety, or null when there is none (then nothing is checked). */
    static RedFlagTerms load(Path exercises, List<ModuleProblem> problems) {
        Path file = exercises.resolve(SafetyText.FOLDER).resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            List<String> terms = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String term = line.strip();
                if (!term.isEmpty() && !term.startsWith("#")) {
                    terms.add(term.toLowerCase(Locale.ROOT));
                }
            }
            return new RedFlagTerms(List.copyOf(terms));
        } catch (IOException e) {
            problems.add(new ModuleProblem(file, 0, "cannot be read: " + e.getMessage()));
            return null;
        }
    }

    /** Checks the manifest's texts (every fi/sv/en value) and every Markdown file of a module folder. */
    void check(Path folder, Path manifest, Node root, List<ModuleProblem> problems) {
        checkYaml(manifest, root, problems);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path md : files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList()) {
                List<String> lines = Files.readAllLines(md, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String term = find(lines.get(i));
                    if (term != null) {
                        problems.add(problem(md, i + 1, term));
                    }
                }
            }
        } catch (IOException e) {
            problems.add(new ModuleProblem(folder, 0, "cannot be read: " + e.getMessage()));
        }
    }

    private void checkYaml(Path manifest, Node node, List<ModuleProblem> problems) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && Messages.LANGUAGES.contains(key.getValue())
                        && tuple.getValueNode() instanceof ScalarNode value) {
                    String term = find(value.getValue());
                    if (term != null) {
                        problems.add(problem(manifest, YamlFields.line(value), term));
                    }
                } else {
                    checkYaml(manifest, tuple.getValueNode(), problems);
                }
            }
        } else if (node instanceof SequenceNode seq) {
            seq.getValue().forEach(n -> checkYaml(manifest, n, problems));
        }
    }

    /**
     * The first term the text uses, or null. A term of parts joined by " & " (e.g. {@code kuume & selkä}) is used
     * when every part is: the advice is in the combination (fever with back pain), not in either word alone.
     */
    String find(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < terms.size(); i++) {
            if (usesAll(lower, parts.get(i))) {
                return terms.get(i);
            }
        }
        return null;
    }

    private static boolean usesAll(String lower, List<String> parts) {
        for (String part : parts) {
            if (!uses(lower, part)) {
                return false;
            }
        }
        return true;
    }

    private static boolean uses(String lower, String term) {
        for (int at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1));
            int end = at + term.length();
            boolean endsNumber = !Character.isDigit(term.charAt(term.length() - 1)) || end == lower.length()
                    || !Character.isDigit(lower.charAt(end));
            if (startsWord && endsNumber) {
                return true;
            }
        }
        return false;
    }

    private static ModuleProblem problem(Path file, int line, String term) {
        return new ModuleProblem(file, line, "restates red-flag advice (\"" + term + "\"), which only the shared"
                + " safety text in exercises/" + SafetyText.FOLDER + " gives: include it with a step of type safety"
                + " (topics: [...]) instead of your own words");
    }
}
