package fi.askel.peer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The curated list recognises crisis words in Finnish, Swedish and English, inflected, without flagging everyday talk. */
class DistressSignalsTest {

    static PeerConfig config(Optional<String> file) {
        return new PeerConfig() {
            public int archiveReadDays() { return 90; }
            public int editWindowMinutes() { return 60; }
            public int rateLimitPosts() { return 10; }
            public int rateLimitMinutes() { return 10; }
            public int maxBodyChars() { return 10000; }
            public int pageSize() { return 20; }
            public Optional<String> distressPhrasesFile() { return file; }
            public Digest digest() { return null; }
        };
    }

    private final DistressSignals signals = new DistressSignals(config(Optional.empty()));

    @Test
    void crisis_words_in_three_languages() {
        for (String text : List.of(
                "En jaksa elää tällaisena.",
                "Olen miettinyt ITSEMURHAA viime aikoina",
                "mietin itsemurhasta",
                "Välillä haluan kuolla.",
                "Olen viillellyt taas",
                "Jag har tänkt på självmord.",
                "Jag orkar inte leva längre",
                "ibland vill jag bara dö",
                "I want to die.",
                "I've been thinking about suicide",
                "I don’t want to live like this",
                "I keep   hurting\nmyself")) {
            assertTrue(signals.matches(text), text);
        }
    }

    @Test
    void everyday_talk_is_not_flagged() {
        for (String text : List.of(
                "Kävin tänään kävelyllä ja selkä tuntui paremmalta.",
                "Haluan kuulla teidän kokemuksia uinnista.",
                "Itsetunto on parantunut kurssin aikana.",
                "Jag vill dela mina erfarenheter av promenader.",
                "I would love to dive into this topic.",
                "My physio said to cut down on sugar.",
                "")) {
            assertFalse(signals.matches(text), text);
        }
    }

    @Test
    void a_provider_can_replace_the_list(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("phrases.txt");
        Files.writeString(file, "# our own list\nerityinen hätä\n");
        DistressSignals custom = new DistressSignals(config(Optional.of(file.toString())));
        assertTrue(custom.matches("Minulla on erityinen   hätä"));
        assertFalse(custom.matches("haluan kuolla"));
        Files.writeString(file, "# nothing\n");
        assertThrows(IllegalStateException.class, () -> new DistressSignals(config(Optional.of(file.toString()))));
    }
}
