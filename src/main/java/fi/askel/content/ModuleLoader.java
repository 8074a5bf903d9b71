package fi.askel.content;

import fi.askel.content.steps.Step;
import fi.askel.content.steps.StepReading;
import fi.askel.content.steps.StepTypes;
import fi.askel.content.steps.StepTypes.StepType;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
        Set<String> all = new HashSet<>(StepTypes.COMMON_FIELDS);
        StepTypes.ALL.forEach(t -> all.addAll(t.fields()));
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
        StepType stepType = StepTypes.byName(type);
        if (stepType == null) {
            s.problem(s.raw("type"), "unknown step type \"" + type + "\" (known: " + String.join(", ", Step.TYPES) + ")");
            return null;
        }
        Set<String> allowed = new HashSet<>(StepTypes.COMMON_FIELDS);
        allowed.addAll(stepType.fields());
        for (String field : allStepFields()) {
            if (s.has(field) && !allowed.contains(field)) {
                s.problem(s.raw(field), "a " + type + " step has no field \"" + field + "\"");
            }
        }
        Localized title = s.localized("title", true);
        boolean required = s.bool("required", true);
        return stepType.reader().read(new StepReading(folder, key, title, required, s, safety));
    }
}
