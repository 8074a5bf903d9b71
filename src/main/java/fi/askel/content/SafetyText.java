package fi.askel.content;

import fi.askel.common.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The red-flag advice (when to call 112, when to see a doctor today, when to tell the specialist):
 * one reviewed, versioned text per language in exercises/_safety/red-flags.&lt;lang&gt;.md, which
 * modules include by topic with a {@code safety} step. Each file opens with front matter (version,
 * reviewed, reviewer) and has one section per topic, {@code ## Heading {#topic-key}}, in the same
 * order in every language. Text before the first section is shown with every choice of topics.
 */
public record SafetyText(int version, LocalDate reviewed, Map<String, String> reviewer, List<String> topics,
        Map<String, String> intro, Map<String, Map<String, String>> sections) {

    public static final String FOLDER = "_safety";
    static final String NAME = "red-flags";
    private static final Pattern SECTION = Pattern.compile("^## (.+?)\\s*\\{#([a-z0-9][a-z0-9-]*)\\}\\s*$");

    /** The advice on these topics (all when empty) as Markdown, in the shared text's own order. */
    public String markdown(String lang, List<String> chosen) {
        String language = intro.containsKey(lang) ? lang : Messages.DEFAULT_LANGUAGE;
        StringBuilder sb = new StringBuilder(intro.get(language));
        for (String topic : topics) {
            if (chosen == null || chosen.isEmpty() || chosen.contains(topic)) {
                sb.append("\n\n").append(sections.get(language).get(topic));
            }
        }
        return sb.toString().strip();
    }

    /** The text in exercises/_safety, null (with the reasons in problems) when it is missing or broken. */
    static SafetyText load(Path exercises, List<ModuleProblem> problems) {
        Path folder = exercises.resolve(FOLDER);
        int before = problems.size();
        Integer version = null;
        LocalDate reviewed = null;
        List<String> topics = null;
        Map<String, String> reviewer = new LinkedHashMap<>();
        Map<String, String> intro = new LinkedHashMap<>();
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        for (String lang : Messages.LANGUAGES) {
            Path file = folder.resolve(NAME + "." + lang + ".md");
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add(new ModuleProblem(file, 0, "the shared safety text is missing or cannot be read"));
                continue;
            }
            Map<String, String> front = new LinkedHashMap<>();
            int at = frontMatter(file, lines, front, problems);
            Integer v = version(file, front.get("version"), problems);
            LocalDate date = date(file, front.get("reviewed"), problems);
            if (front.get("reviewer") == null || front.get("reviewer").isBlank()) {
                problems.add(new ModuleProblem(file, 1, "front matter needs \"reviewer\": who reviewed this text (see exercises/README.md)"));
            } else {
                reviewer.put(lang, front.get("reviewer"));
            }
            if (version == null) {
                version = v;
                reviewed = date;
            } else if (v != null && (!v.equals(version) || date != null && !date.equals(reviewed))) {
                problems.add(new ModuleProblem(file, 1, "version and reviewed date must be the same in every language"
                        + " (a change is reviewed in all three at once)"));
            }
            Map<String, String> byTopic = new LinkedHashMap<>();
            StringBuilder text = new StringBuilder();
            String topic = null;
            for (int i = at; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("## ") || line.startsWith("# ")) {
                    Matcher m = SECTION.matcher(line);
                    if (!m.matches()) {
                        problems.add(new ModuleProblem(file, i + 1, "a topic heading is written \"## Heading {#topic-key}\""));
                        continue;
                    }
                    store(topic, text, byTopic, intro, lang);
                    topic = m.group(2);
                    if (byTopic.containsKey(topic)) {
                        problems.add(new ModuleProblem(file, i + 1, "topic \"" + topic + "\" appears twice"));
                    }
                    text = new StringBuilder("## ").append(m.group(1)).append('\n');
                } else {
                    text.append(line).append('\n');
                }
            }
            store(topic, text, byTopic, intro, lang);
            if (byTopic.isEmpty()) {
                problems.add(new ModuleProblem(file, 0, "has no topics (## Heading {#topic-key})"));
            }
            if (topics == null) {
                topics = List.copyOf(byTopic.keySet());
            } else if (!topics.equals(List.copyOf(byTopic.keySet()))) {
                problems.add(new ModuleProblem(file, 0, "must have the same topics in the same order as "
                        + NAME + "." + Messages.LANGUAGES.get(0) + ".md: " + topics + ", not " + byTopic.keySet()));
            }
            sections.put(lang, byTopic);
        }
        if (problems.size() > before) {
            return null;
        }
        return new SafetyText(version, reviewed, Map.copyOf(reviewer), topics, Map.copyOf(intro), Map.copyOf(sections));
    }

    static boolean exists(Path exercises) {
        return Files.isDirectory(exercises.resolve(FOLDER));
    }

    private static void store(String topic, StringBuilder text, Map<String, String> byTopic, Map<String, String> intro,
            String lang) {
        if (topic == null) {
            intro.put(lang, text.toString().strip());
        } else {
            byTopic.put(topic, text.toString().strip());
        }
    }

    /** Reads "key: value" lines between two "---" lines at the top; returns the index of the first body line. */
    private static int frontMatter(Path file, List<String> lines, Map<String, String> front, List<ModuleProblem> problems) {
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            problems.add(new ModuleProblem(file, 1, "must open with front matter: ---, version, reviewed, reviewer, ---"));
            return 0;
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().equals("---")) {
                return i + 1;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                front.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            } else if (!line.isBlank()) {
                problems.add(new ModuleProblem(file, i + 1, "front matter lines are \"name: value\""));
            }
        }
        problems.add(new ModuleProblem(file, 1, "front matter is not closed with ---"));
        return lines.size();
    }

    private static Integer version(Path file, String value, List<ModuleProblem> problems) {
        try {
            int v = Integer.parseInt(value == null ? "" : value);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new ModuleProblem(file, 1, "front matter needs \"version\": a whole number from 1, raised with every change"));
        return null;
    }

    private static LocalDate date(Path file, String value, List<ModuleProblem> problems) {
        try {
            return LocalDate.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            problems.add(new ModuleProblem(file, 1, "front matter needs \"reviewed\": the date of the last review, e.g. 2026-12-05"));
            return null;
        }
    }

    /** Topics a module names that the shared text does not have. */
    List<String> unknown(List<String> chosen) {
        List<String> unknown = new ArrayList<>(chosen);
        unknown.removeAll(topics);
        return unknown;
    }
}
