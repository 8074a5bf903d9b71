package fi.askel.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SECURITY.md names the tests that prove each ASVS row. A claim whose test was renamed or deleted would
 * be a claim without proof: every {@code `SomethingTest`} and {@code `SomethingTest#method`} named there
 * must be a test class under src/test/java, with that method.
 */
class SecurityMapTest {

    private static final Pattern NAMED = Pattern.compile("`([A-Z][A-Za-z0-9]*Test)(?:#([a-z_0-9]+))?`");

    @Test
    void every_test_named_in_security_md_exists() throws IOException {
        String map = Files.readString(Path.of("SECURITY.md"));
        Map<String, Path> classes;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            classes = files.filter(f -> f.toString().endsWith("Test.java"))
                    .collect(Collectors.toMap(f -> f.getFileName().toString().replace(".java", ""), f -> f, (a, b) -> a));
        }
        Matcher m = NAMED.matcher(map);
        List<String> missing = new ArrayList<>();
        TreeSet<String> named = new TreeSet<>();
        while (m.find()) {
            named.add(m.group(0));
            Path file = classes.get(m.group(1));
            if (file == null) {
                missing.add(m.group(1) + " (no such test class)");
            } else if (m.group(2) != null
                    && !Pattern.compile("void\\s+" + m.group(2) + "\\s*\\(").matcher(Files.readString(file)).find()) {
                missing.add(m.group(1) + "#" + m.group(2) + " (no such test method)");
            }
        }
        assertTrue(named.size() > 40, "SECURITY.md names its tests: " + named.size());
        assertEquals(List.of(), missing);
    }

    @Test
    void the_map_covers_every_asvs_chapter_and_the_readme_links_it() throws IOException {
        String map = Files.readString(Path.of("SECURITY.md"));
        for (int chapter = 1; chapter <= 14; chapter++) {
            assertTrue(map.contains("### V" + chapter + " "), "chapter V" + chapter);
        }
        assertTrue(Files.readString(Path.of("README.md")).contains("SECURITY.md"), "README links SECURITY.md");
    }
}
