package fi.askel.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pages reach their own data (the page context, the view, the formatter, the form state: every parameter of their
 * {@code @CheckedTemplate} method) as {@code data:name}, which Qute looks up in the template's own data at once.
 * Written as a plain {@code name}, Qute asks each enclosing loop, section and include for it in turn, trying each of
 * its 200 value resolvers at every level. On a specialist's client page that search was a quarter of the CPU time,
 * first for {@code page} and, once that was fixed, for {@code state}, {@code fmt} and {@code o} (JFR, README
 * "Capacity"). Two places keep the plain name: the list of a {@code {#for … in list}} (evaluated once per loop, and
 * Quarkus's type check reads {@code data:} there as the list's element type), and tags (templates/tags), which get
 * their values as parameters of their own.
 */
class TemplateRootDataTest {

    private static final Pattern EXPRESSION = Pattern.compile("\\{[^{}\\n]*\\}");
    private static final Pattern PLAIN_PAGE = Pattern.compile("(?<![\\w.:$])page\\.");
    private static final Pattern CHECKED = Pattern.compile("static native TemplateInstance (\\w+)\\((.*?)\\);", Pattern.DOTALL);
    private static final Pattern BASE_PATH = Pattern.compile("@CheckedTemplate\\(basePath\\s*=\\s*\"([^\"]+)\"\\)");
    private static final Pattern LOOP = Pattern.compile("\\{#(?:for|each)\\s+(\\w+)\\s+in\\b");
    private static final Pattern LET = Pattern.compile("\\{#let\\s+([^}]*)\\}");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");

    @Test
    void pages_read_the_page_context_from_the_templates_own_data() throws IOException {
        List<String> plain;
        try (Stream<Path> files = Files.walk(Path.of("frontend/templates"))) {
            plain = files.filter(p -> p.toString().endsWith(".html") && !p.toString().contains("/tags/"))
                    .flatMap(file -> plainReferences(file, PLAIN_PAGE))
                    .toList();
        }
        assertEquals(List.of(), plain, "write data:page. instead of page. in these expressions");
    }

    @Test
    void pages_read_every_parameter_of_their_template_from_their_own_data() throws IOException {
        Map<Path, List<String>> templates = checkedTemplates();
        assertTrue(templates.size() > 40, "found the @CheckedTemplate methods: " + templates.size());
        List<String> plain = new ArrayList<>();
        for (Map.Entry<Path, List<String>> t : templates.entrySet()) {
            if (!Files.exists(t.getKey())) {
                continue;
            }
            String text = Files.readString(t.getKey());
            Set<String> shadowed = shadowedNames(text);
            List<String> roots = t.getValue().stream().filter(n -> !n.equals("page") && !shadowed.contains(n)).toList();
            if (!roots.isEmpty()) {
                Pattern root = Pattern.compile("(?<![\\w.:$#@'\"-])(" + String.join("|", roots) + ")(?=[.}\\s)?:!|,]|==|$)");
                plainReferences(t.getKey(), root).forEach(plain::add);
            }
        }
        assertEquals(List.of(), plain, "write data:<name> for the template's own parameters in these expressions");
    }

    /** Template file → the parameter names of its checked template method. */
    private static Map<Path, List<String>> checkedTemplates() throws IOException {
        Map<Path, List<String>> found = new LinkedHashMap<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String java = Files.readString(source);
                if (!java.contains("@CheckedTemplate")) {
                    continue;
                }
                Matcher base = BASE_PATH.matcher(java);
                String folder = base.find() ? base.group(1) : source.getFileName().toString().replace(".java", "");
                Matcher m = CHECKED.matcher(java);
                while (m.find()) {
                    found.put(Path.of("frontend/templates", folder, m.group(1) + ".html"), parameterNames(m.group(2)));
                }
            }
        }
        return found;
    }

    private static List<String> parameterNames(String parameters) {
        StringBuilder withoutGenerics = new StringBuilder();
        int depth = 0;
        for (char c : parameters.toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (depth == 0) {
                withoutGenerics.append(c);
            }
        }
        List<String> names = new ArrayList<>();
        for (String parameter : withoutGenerics.toString().split(",")) {
            String[] words = parameter.trim().split("\\s+");
            if (words.length > 1) {
                names.add(words[words.length - 1]);
            }
        }
        return names;
    }

    /** Names a loop or a let in the template gives another meaning somewhere: left as they are. */
    private static Set<String> shadowedNames(String text) {
        Set<String> names = new HashSet<>();
        Matcher loop = LOOP.matcher(text);
        while (loop.find()) {
            names.add(loop.group(1));
        }
        Matcher let = LET.matcher(text);
        while (let.find()) {
            Matcher assigned = Pattern.compile("(\\w+)\\s*=").matcher(let.group(1));
            while (assigned.find()) {
                names.add(assigned.group(1));
            }
        }
        return names;
    }

    private static Stream<String> plainReferences(Path file, Pattern plain) {
        try {
            List<String> lines = Files.readAllLines(file);
            Stream.Builder<String> found = Stream.builder();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = EXPRESSION.matcher(lines.get(i));
                while (m.find()) {
                    String e = m.group();
                    if (e.startsWith("{!") || e.startsWith("{/") || e.startsWith("{#for ") || e.startsWith("{#each ")) {
                        continue;
                    }
                    if (plain.matcher(QUOTED.matcher(e).replaceAll("''")).find()) {
                        found.add(file + ":" + (i + 1) + ": " + e);
                    }
                }
            }
            return found.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
