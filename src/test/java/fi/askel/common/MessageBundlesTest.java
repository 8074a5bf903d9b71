package fi.askel.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.identity.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text exists in Finnish, Swedish and English, and every key the code and templates use exists. */
class MessageBundlesTest {

    private static final Map<String, Map<String, String>> BUNDLES = Map.of(
            "fi", Messages.load("fi"), "sv", Messages.load("sv"), "en", Messages.load("en"));

    @Test
    void every_language_has_the_same_keys_and_no_empty_text() {
        Set<String> all = new TreeSet<>();
        BUNDLES.values().forEach(b -> all.addAll(b.keySet()));
        List<String> problems = new ArrayList<>();
        for (String lang : Messages.LANGUAGES) {
            for (String key : all) {
                String text = BUNDLES.get(lang).get(key);
                if (text == null) {
                    problems.add(lang + " is missing " + key);
                } else if (text.isBlank()) {
                    problems.add(lang + " has an empty " + key);
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(all.size() > 100, "bundles were not found on the classpath");
    }

    /** Bundles are merged into one map per language: a key written twice would silently replace the other text. */
    @Test
    void no_key_is_written_twice_in_a_language() throws IOException {
        Pattern keyLine = Pattern.compile("^([^#!=:\\s][^=:\\s]*)\\s*[=:]");
        List<String> twice = new ArrayList<>();
        for (String lang : Messages.LANGUAGES) {
            Map<String, String> firstSeen = new java.util.HashMap<>();
            for (String bundle : Messages.BUNDLES) {
                Path file = Path.of("src/main/resources/messages", bundle + "_" + lang + ".properties");
                if (!Files.exists(file)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                boolean continued = false;
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    Matcher m = keyLine.matcher(line.stripLeading());
                    if (!continued && m.find()) {
                        String where = file.getFileName() + ":" + (i + 1);
                        String earlier = firstSeen.putIfAbsent(m.group(1), where);
                        if (earlier != null) {
                            twice.add(m.group(1) + " in " + earlier + " and " + where);
                        }
                    }
                    continued = line.endsWith("\\");
                }
            }
        }
        assertEquals(List.of(), twice);
    }

    @Test
    void every_key_used_in_templates_exists() throws IOException {
        Pattern call = Pattern.compile("\\.t[12]?\\('([a-z0-9.-]+)'");
        Pattern prefixed = Pattern.compile("\\.tk\\('([a-z0-9.-]+)'");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("frontend/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String text = Files.readString(file);
                Matcher m = call.matcher(text);
                while (m.find()) {
                    if (!BUNDLES.get("en").containsKey(m.group(1))) {
                        missing.add(file + ": " + m.group(1));
                    }
                }
                Matcher p = prefixed.matcher(text);
                while (p.find()) {
                    String prefix = p.group(1);
                    boolean any = BUNDLES.get("en").keySet().stream().anyMatch(k -> k.startsWith(prefix));
                    if (!any) {
                        missing.add(file + ": " + prefix + "*");
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void every_message_key_in_java_code_exists() throws IOException {
        Set<String> namespaces = new TreeSet<>();
        BUNDLES.get("en").keySet().forEach(k -> namespaces.add(k.substring(0, k.indexOf('.') < 0 ? k.length() : k.indexOf('.'))));
        // System property names such as "user.name", and the field a FieldError (or a step type's answer check,
        // c.error(field, key)) names (a JSON path such as "answer.checked"), are not message keys.
        Pattern literal = Pattern.compile("(?<!getProperty\\(|FieldError\\(|\\.error\\()\"([a-z]+(?:\\.[a-z0-9-]+)+)\"");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1);
                    String ns = key.substring(0, key.indexOf('.'));
                    boolean isPrefix = key.endsWith(".") || key.endsWith("-");
                    if (namespaces.contains(ns) && !isPrefix && !BUNDLES.get("en").containsKey(key)
                            && BUNDLES.get("en").keySet().stream().noneMatch(k -> k.startsWith(key + "."))) {
                        missing.add(file.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void every_role_has_a_name() {
        for (Role role : Role.values()) {
            for (String lang : Messages.LANGUAGES) {
                assertTrue(BUNDLES.get(lang).containsKey("role." + role.name()), lang + " role." + role);
            }
        }
    }
}
