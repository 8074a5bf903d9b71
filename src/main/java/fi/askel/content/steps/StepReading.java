package fi.askel.content.steps;

import fi.askel.common.Messages;
import fi.askel.content.Localized;
import fi.askel.content.SafetyText;
import fi.askel.content.YamlFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of module.yaml being read: its common fields, already read, and its own fields, which the
 * type's reader reads from {@code s}. Problems are recorded with the file and line, never thrown.
 */
public record StepReading(Path folder, String key, Localized title, boolean required, YamlFields s, SafetyText safety) {

    /** The step's longer text from &lt;key&gt;.&lt;lang&gt;.md, one file per language. */
    public Localized markdown() {
        if (key == null) {
            return null;
        }
        Map<String, String> text = new LinkedHashMap<>();
        for (String lang : Messages.LANGUAGES) {
            Path file = folder.resolve(key + "." + lang + ".md");
            try {
                if (!Files.isRegularFile(file) || Files.readString(file, StandardCharsets.UTF_8).isBlank()) {
                    s.problem(s.raw("key"), "step \"" + key + "\" needs its text in " + file.getFileName() + " (missing or empty)");
                } else {
                    text.put(lang, Files.readString(file, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                s.problem(s.raw("key"), file.getFileName() + " cannot be read: " + e.getMessage());
            }
        }
        return text.size() == Messages.LANGUAGES.size() ? new Localized(text) : null;
    }

    /** An optional text of the step's own (&lt;key&gt;.&lt;lang&gt;.md), but then in every language. */
    public Localized optionalMarkdown() {
        if (key == null || Messages.LANGUAGES.stream().noneMatch(lang -> Files.exists(folder.resolve(key + "." + lang + ".md")))) {
            return null;
        }
        return markdown();
    }

    static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
