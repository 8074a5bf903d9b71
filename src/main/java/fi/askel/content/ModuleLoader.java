package fi.askel.content;

import fi.askel.common.Messages;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and checks every module in a folder. Nothing here needs the running service, so the same
 * code backs the start-up check and the {@link ValidateModules} command authors run.
 */
public final class ModuleLoader {

    public static final String MANIFEST = "module.yaml";
    private static final Set<String> MODULE_FIELDS = Set.of("slug", "version", "estimatedMinutes", "themes",
            "targetGroups", "title", "summary", "steps");
    private static final Set<String> COMMON_STEP_FIELDS = Set.of("key", "type", "title", "required");
    private static final Map<String, Set<String>> STEP_FIELDS = Map.of(
            "read", Set.of("media"),
            "reflection", Set.of("prompt", "maxLength"),
            "scale", Set.of("prompt", "items"),
            "checklist", Set.of("prompt", "items"),
            "exercise", Set.of("dose"),
            "quiz", Set.of("questions"),
            "goal", Set.of("prompt"),
            "questionnaire", Set.of("prompt", "instrument", "options", "items", "scoring", "bands"),
            "safety", Set.of("topics"));

    /** The modules and the shared safety text they include (null when the folder has none), or the problems. */
    public record Result(List<Module> modules, SafetyText safety, List<ModuleProblem> problems) {}

    /** What every module of a folder is checked against: the shared safety text and its red-flag terms. */
    private record Shared(SafetyText safety, RedFlagTerms terms) {}

    private ModuleLoader() {}

    /** Every module in the folder, or the problems that stop them from loading. */
    public static Result loadAll(Path dir) {
        List<Module> modules = new ArrayList<>();
        List<ModuleProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new ModuleProblem(dir, 0, "the exercises folder does not exist (askel.exercises.dir)"));
            return new Result(modules, null, problems);
        }
        Shared shared = shared(dir, problems);
        try (Stream<Path> children = Files.list(dir)) {
            // Folders starting with "_" hold what modules share (e.g. _safety), not modules.
            for (Path folder : children.filter(Files::isDirectory).filter(f -> !f.getFileName().toString().startsWith("_"))
                    .sorted().toList()) {
                Module module = load(folder, problems, shared);
                if (module != null) {
                    modules.add(module);
                }
            }
        } catch (IOException e) {
            problems.add(new ModuleProblem(dir, 0, "cannot be read: " + e.getMessage()));
        }
        return new Result(List.copyOf(modules), shared.safety(), List.copyOf(problems));
    }

    private static Shared shared(Path dir, List<ModuleProblem> problems) {
        if (!SafetyText.exists(dir)) {
            return new Shared(null, null);
        }
        return new Shared(SafetyText.load(dir, problems), RedFlagTerms.load(dir, problems));
    }

    /** One module folder; problems are added to the list and null returned when there are any. */
    public static Module load(Path folder, List<ModuleProblem> problems) {
        return load(folder, problems, shared(folder.toAbsolutePath().getParent(), problems));
    }

    private static Module load(Path folder, List<ModuleProblem> problems, Shared shared) {
        Path manifest = folder.resolve(MANIFEST);
        int before = problems.size();
        if (!Files.isRegularFile(manifest)) {
            problems.add(new ModuleProblem(folder, 0, "has no " + MANIFEST));
            return null;
        }
        Node root;
        try (Reader reader = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(new ModuleProblem(manifest, line, "is not valid YAML: " + e.getProblem()));
            return null;
        } catch (YAMLException | IOException e) {
            problems.add(new ModuleProblem(manifest, 0, "cannot be read: " + e.getMessage()));
            return null;
        }
        if (root == null) {
            problems.add(new ModuleProblem(manifest, 0, "is empty"));
            return null;
        }
        if (shared.terms() != null) {
            shared.terms().check(folder, manifest, root, problems);
        }
        YamlFields m = new YamlFields(manifest, problems, root, "module", MODULE_FIELDS);
        String slug = m.key("slug");
        if (slug != null && !slug.equals(folder.getFileName().toString())) {
            m.problem(m.raw("slug"), "slug \"" + slug + "\" must equal the folder name \"" + folder.getFileName() + "\"");
        }
        Integer version = m.integer("version", true, 1, 1_000_000);
        Integer minutes = m.integer("estimatedMinutes", true, 1, 600);
        List<String> themes = m.words("themes", true, Module.THEMES);
        List<String> groups = m.words("targetGroups", true, Module.TARGET_GROUPS);
        Localized title = m.localized("title", true);
        Localized summary = m.localized("summary", true);
        List<Step> steps = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (YamlFields s : m.list("steps", true, "step", allStepFields())) {
            Step step = step(folder, s, keys, shared.safety());
            if (step != null) {
                steps.add(step);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Module(slug, version, minutes, themes, groups, title, summary, List.copyOf(steps));
    }

    private static Set<String> allStepFields() {
        Set<String> all = new HashSet<>(COMMON_STEP_FIELDS);
        STEP_FIELDS.values().forEach(all::addAll);
        return all;
    }

    private static Step step(Path folder, YamlFields s, Set<String> keys, SafetyText safety) {
        String key = s.key("key");
        String type = s.string("type", true);
        if (key != null && !keys.add(key)) {
            s.problem(s.raw("key"), "duplicate step key \"" + key + "\": every step in a module needs its own key");
        }
        if (type == null) {
            return null;
        }
        if (!STEP_FIELDS.containsKey(type)) {
            s.problem(s.raw("type"), "unknown step type \"" + type + "\" (known: " + String.join(", ", Step.TYPES) + ")");
            return null;
        }
        Set<String> allowed = new HashSet<>(COMMON_STEP_FIELDS);
        allowed.addAll(STEP_FIELDS.get(type));
        for (String field : allStepFields()) {
            if (s.has(field) && !allowed.contains(field)) {
                s.problem(s.raw(field), "a " + type + " step has no field \"" + field + "\"");
            }
        }
        Localized title = s.localized("title", true);
        boolean required = s.bool("required", true);
        return switch (type) {
            case "read" -> new Step.Read(key, title, required, markdown(folder, key, s), media(s));
            case "reflection" -> new Step.Reflection(key, title, required, s.localized("prompt", true),
                    orDefault(s.integer("maxLength", false, 10, 20_000), 4000));
            case "scale" -> new Step.Scale(key, title, required, s.localized("prompt", false), scaleItems(s));
            case "checklist" -> new Step.Checklist(key, title, required, s.localized("prompt", false), checklistItems(s));
            case "exercise" -> new Step.Exercise(key, title, required, markdown(folder, key, s), dose(s));
            case "quiz" -> new Step.Quiz(key, title, required, questions(s));
            case "goal" -> new Step.Goal(key, title, required, s.localized("prompt", true));
            case "safety" -> new Step.Safety(key, title, required, preface(folder, key, s), topics(s, safety));
            default -> QuestionnaireReader.read(key, title, required, s);
        };
    }

    /** The step's longer text from &lt;key&gt;.&lt;lang&gt;.md, one file per language. */
    private static Localized markdown(Path folder, String key, YamlFields s) {
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

    /** A safety step's own text before the shared one: optional, but then in every language. */
    private static Localized preface(Path folder, String key, YamlFields s) {
        if (key == null || Messages.LANGUAGES.stream().noneMatch(lang -> Files.exists(folder.resolve(key + "." + lang + ".md")))) {
            return null;
        }
        return markdown(folder, key, s);
    }

    private static List<String> topics(YamlFields s, SafetyText safety) {
        if (safety == null) {
            s.problem(s.raw("type"), "a safety step includes the shared safety text, but exercises/" + SafetyText.FOLDER
                    + " is missing or broken");
            return List.of();
        }
        if (!s.has("topics")) {
            return List.of(); // all of them
        }
        return s.words("topics", true, safety.topics());
    }

    private static Step.Media media(YamlFields s) {
        if (!s.has("media")) {
            return null;
        }
        YamlFields m = s.nested("media", "media", Set.of("url", "caption"));
        String url = m.string("url", true);
        if (url != null && !url.startsWith("https://")) {
            m.problem(m.raw("url"), "media url must start with https://");
        }
        return new Step.Media(url, m.localized("caption", true));
    }

    private static List<Step.ScaleItem> scaleItems(YamlFields s) {
        List<Step.ScaleItem> items = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (YamlFields i : s.list("items", true, "scale item", Set.of("key", "label", "min", "max", "minLabel", "maxLabel"))) {
            String key = uniqueKey(i, keys, "scale item");
            Integer min = i.integer("min", true, -100, 100);
            Integer max = i.integer("max", true, -100, 100);
            if (min != null && max != null && min >= max) {
                i.problem(i.raw("max"), "scale item \"" + key + "\": max (" + max + ") must be greater than min (" + min + ")");
            }
            if (!i.has("minLabel") || !i.has("maxLabel")) {
                i.problem(i.node(), "scale item \"" + key + "\" needs anchor labels: minLabel and maxLabel (what the ends of the scale mean)");
            }
            items.add(new Step.ScaleItem(key, i.localized("label", true), orDefault(min, 0), orDefault(max, 1),
                    i.localized("minLabel", false), i.localized("maxLabel", false)));
        }
        return items;
    }

    private static List<Step.ChecklistItem> checklistItems(YamlFields s) {
        List<Step.ChecklistItem> items = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (YamlFields i : s.list("items", true, "checklist item", Set.of("key", "label"))) {
            items.add(new Step.ChecklistItem(uniqueKey(i, keys, "checklist item"), i.localized("label", true)));
        }
        return items;
    }

    private static Step.Dose dose(YamlFields s) {
        if (!s.has("dose")) {
            s.problem(s.node(), "an exercise step needs a dose (sets, reps or minutes, and daysPerWeek)");
            return null;
        }
        YamlFields d = s.nested("dose", "dose", Set.of("sets", "reps", "minutes", "daysPerWeek"));
        Integer sets = d.integer("sets", false, 1, 50);
        Integer reps = d.integer("reps", false, 1, 500);
        Integer minutes = d.integer("minutes", false, 1, 600);
        Integer days = d.integer("daysPerWeek", true, 1, 7);
        if (sets == null && reps == null && minutes == null) {
            d.problem(d.node(), "dose needs at least one of sets, reps or minutes");
        }
        return new Step.Dose(sets, reps, minutes, orDefault(days, 1));
    }

    private static List<Step.Question> questions(YamlFields s) {
        List<Step.Question> questions = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (YamlFields q : s.list("questions", true, "question", Set.of("key", "text", "choices", "explanation"))) {
            String key = uniqueKey(q, keys, "question");
            List<Step.Choice> choices = new ArrayList<>();
            Set<String> choiceKeys = new HashSet<>();
            for (YamlFields c : q.list("choices", true, "choice", Set.of("key", "text", "correct"))) {
                choices.add(new Step.Choice(uniqueKey(c, choiceKeys, "choice"), c.localized("text", true), c.bool("correct", false)));
            }
            if (!choices.isEmpty() && choices.stream().noneMatch(Step.Choice::correct)) {
                q.problem(q.raw("choices"), "question \"" + key + "\" has no correct choice (mark one with correct: true)");
            }
            if (choices.size() == 1) {
                q.problem(q.raw("choices"), "question \"" + key + "\" needs at least two choices");
            }
            questions.add(new Step.Question(key, q.localized("text", true), List.copyOf(choices), q.localized("explanation", true)));
        }
        return questions;
    }

    static String uniqueKey(YamlFields f, Set<String> seen, String what) {
        String key = f.key("key");
        if (key != null && !seen.add(key)) {
            f.problem(f.raw("key"), "duplicate " + what + " key \"" + key + "\"");
        }
        return key;
    }

    static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
