package fi.askel.peer;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Recognises words of self-harm or acute crisis in a post, in Finnish, Swedish and English. The list is
 * curated in {@code distress-phrases.txt} (one phrase per line, {@code #} comments); a provider can
 * replace it with askel.peer.distress-phrases-file. A phrase matches from the start of a word, so a
 * Finnish stem such as "itsemurh" catches every inflected form. Matching never blocks a post: it
 * alerts the group's specialists and shows the author where to get help now.
 */
@ApplicationScoped
@Startup
public class DistressSignals {

    private static final Logger LOG = Logger.getLogger(DistressSignals.class);
    static final String BUILT_IN = "fi/askel/peer/distress-phrases.txt";

    private final List<Pattern> patterns;

    public DistressSignals(PeerConfig config) {
        List<String> phrases = config.distressPhrasesFile().filter(f -> !f.isBlank())
                .map(DistressSignals::readFile).orElseGet(DistressSignals::readBuiltIn);
        if (phrases.isEmpty()) {
            throw new IllegalStateException("The distress phrase list is empty; peer support must not run without it");
        }
        this.patterns = phrases.stream().map(DistressSignals::compile).toList();
        LOG.debugf("Loaded %d distress phrases", patterns.size());
    }

    public boolean matches(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String normalized = normalize(text);
        return patterns.stream().anyMatch(p -> p.matcher(normalized).find());
    }

    static List<String> parse(List<String> lines) {
        List<String> phrases = new ArrayList<>();
        for (String line : lines) {
            String phrase = line.strip();
            if (!phrase.isEmpty() && !phrase.startsWith("#")) {
                phrases.add(normalize(phrase));
            }
        }
        return phrases;
    }

    /** Lower case, typographic apostrophes and dashes made plain, all whitespace a single space. */
    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replace('’', '\'').replace('‘', '\'').replace('‐', '-').replace('–', '-')
                .replaceAll("[\\s\\u00A0]+", " ");
    }

    private static Pattern compile(String phrase) {
        // From the start of a word; the end is left open so inflected forms match too.
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase).replace(" ", "\\E[\\s\\p{Punct}]+\\Q"));
    }

    private static List<String> readFile(String file) {
        try {
            return parse(Files.readAllLines(Path.of(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read askel.peer.distress-phrases-file " + file, e);
        }
    }

    private static List<String> readBuiltIn() {
        try (InputStream in = DistressSignals.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + BUILT_IN);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
