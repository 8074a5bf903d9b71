package fi.askel.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The terms of exercises/GLOSSARY.md are used consistently: no "avoid" word in the modules or the bundles. */
class GlossaryTest {

    private static final Path GLOSSARY = Path.of("exercises", "GLOSSARY.md");
    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");

    @Test
    void no_text_uses_a_word_the_glossary_retires() throws IOException {
        List<String> avoid = avoidTerms();
        assertTrue(avoid.size() >= 10, "the glossary lists the retired words: " + avoid);
        List<String> found = new ArrayList<>();
        for (Path file : texts()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                for (String term : avoid) {
                    if (uses(lines.get(i), term)) {
                        found.add(file + ":" + (i + 1) + ": \"" + term + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), found, "words exercises/GLOSSARY.md says to avoid");
    }

    @Test
    void matching_is_by_whole_word_and_ignores_case() {
        assertTrue(uses("Yhteys Askeliin on salattu.", "Askeliin"));
        assertTrue(uses("MIELI rf:s Kristelefonen på svenska", "rf:s Kristelefonen"));
        assertTrue(uses("Leuan vetäisy vahvistaa", "leuan vetäisy"));
        assertTrue(!uses("Yhteys Askel-palveluun on salattu.", "Askeliin"));
        assertTrue(!uses("Leuan vetäisyn", "leuan vetäisy"), "a longer word is another word");
        assertTrue(!uses("Askelinen", "Askelin"));
    }

    @Test
    void the_glossary_retires_the_variant_of_a_preferred_wording() throws IOException {
        // "Kirjaa harjoituspäiväkirjaan" is the preferred wording; the variant a reader found in four texts is retired
        assertTrue(avoidTerms().stream().anyMatch(t -> uses("Merkitse harjoituspäiväkirjaan päivä ja minuutit.", t)),
                "GLOSSARY.md retires \"Merkitse harjoituspäiväkirjaan\"");
        assertTrue(avoidTerms().stream().noneMatch(t -> uses("Kirjaa harjoituspäiväkirjaan päivä ja minuutit.", t)));
    }

    static boolean uses(String text, String term) {
        String t = text.toLowerCase(Locale.ROOT);
        String w = term.toLowerCase(Locale.ROOT);
        for (int at = t.indexOf(w); at >= 0; at = t.indexOf(w, at + 1)) {
            int end = at + w.length();
            boolean starts = at == 0 || !Character.isLetterOrDigit(t.charAt(at - 1));
            boolean ends = end == t.length() || !Character.isLetterOrDigit(t.charAt(end));
            if (starts && ends) {
                return true;
            }
        }
        return false;
    }

    private static List<String> avoidTerms() throws IOException {
        List<String> terms = new ArrayList<>();
        for (String line : Files.readAllLines(GLOSSARY, StandardCharsets.UTF_8)) {
            if (!line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.split("\\|");
            Matcher m = TICKED.matcher(cells[cells.length - 1]);
            while (m.find()) {
                terms.add(m.group(1));
            }
        }
        return terms;
    }

    private static List<Path> texts() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("exercises"))) {
            walk.filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".yaml"))
                    .filter(f -> !f.equals(GLOSSARY)).forEach(files::add);
        }
        try (Stream<Path> walk = Files.walk(Path.of("src/main/resources/messages"))) {
            walk.filter(f -> f.toString().endsWith(".properties")).forEach(files::add);
        }
        assertTrue(files.size() > 100, "modules and bundles found: " + files.size());
        return files;
    }
}
