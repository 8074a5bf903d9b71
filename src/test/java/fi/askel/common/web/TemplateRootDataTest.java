package fi.askel.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pages reach the page context (texts, dates, the form token) as {@code data:page}, which Qute looks up in the
 * template's own data at once. Written as plain {@code page}, Qute asks each enclosing loop, section and include
 * for it in turn, trying each of its 200 value resolvers at every level: on a specialist's client page that search
 * was a quarter of the CPU time (JFR, README "Statements per request"). Tags (templates/tags) get the page as a
 * parameter of their own and keep the plain name.
 */
class TemplateRootDataTest {

    private static final Pattern EXPRESSION = Pattern.compile("\\{[^{}\\n]*\\}");
    private static final Pattern PLAIN_PAGE = Pattern.compile("(?<![\\w.:$])page\\.");

    @Test
    void pages_read_the_page_context_from_the_templates_own_data() throws IOException {
        List<String> plain;
        try (Stream<Path> files = Files.walk(Path.of("frontend/templates"))) {
            plain = files.filter(p -> p.toString().endsWith(".html") && !p.toString().contains("/tags/"))
                    .flatMap(TemplateRootDataTest::plainReferences)
                    .toList();
        }
        assertEquals(List.of(), plain, "write data:page. instead of page. in these expressions");
    }

    private static Stream<String> plainReferences(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            Stream.Builder<String> found = Stream.builder();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = EXPRESSION.matcher(lines.get(i));
                while (m.find()) {
                    if (!m.group().startsWith("{!") && PLAIN_PAGE.matcher(m.group()).find()) {
                        found.add(file + ":" + (i + 1) + ": " + m.group());
                    }
                }
            }
            return found.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
