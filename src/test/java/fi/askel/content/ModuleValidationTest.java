package fi.askel.content;

import fi.askel.content.steps.ScaleStep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each kind of authoring mistake is caught with the file, the line where it is, and what is wrong. */
class ModuleValidationTest {

    private static final Path BROKEN = Path.of("src/test/resources/broken-modules");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing-language            | module.yaml | 6  | \"title\" is missing the Swedish (sv) text",
            "unknown-step-type           | module.yaml | 13 | unknown step type \"video\"",
            "duplicate-step-key          | module.yaml | 12 | duplicate step key \"intro\"",
            "scale-without-anchors       | module.yaml | 16 | needs anchor labels: minLabel and maxLabel",
            "missing-markdown            | module.yaml | 9  | intro.sv.md (missing or empty)",
            "invalid-yaml                | module.yaml | 14 | is not valid YAML",
            "slug-not-folder             | module.yaml | 1  | must equal the folder name \"fixture\"",
            "unknown-theme               | module.yaml | 4  | unknown themes value \"sleeping\"",
            "unknown-field               | module.yaml | 4  | unknown field \"tittle\"",
            "scale-range-reversed        | module.yaml | 19 | max (0) must be greater than min (0)",
            "quiz-without-correct-answer | module.yaml | 19 | has no correct choice",
            "questionnaire-band-gap      | module.yaml | 31 | bands leave the scores 1–1 without a band",
            "questionnaire-without-translation-source | module.yaml | 12 | is missing \"translationSource\" (with fi, sv and en)",
            "exercise-without-dose       | module.yaml | 12 | an exercise step needs a dose",
            "exercise-log-unknown-field  | module.yaml | 18 | unknown log value \"mood\" (known: sets, reps, minutes, effort, pain, note)",
            "exercise-log-twice          | module.yaml | 16 | log lists a field twice",
            "bad-key                     | module.yaml | 12 | \"Sleep Quality\" is not a valid key",
            "missing-steps               | module.yaml | 1  | module is missing \"steps\"",
    })
    void each_mistake_names_file_line_and_problem(String fixture, String file, int line, String message) {
        ModuleLoader.Result result = ModuleLoader.loadAll(BROKEN.resolve(fixture));
        assertTrue(result.modules().isEmpty(), "a broken module must not load");
        ModuleProblem problem = result.problems().stream().filter(p -> p.message().contains(message)).findFirst()
                .orElseThrow(() -> new AssertionError("expected \"" + message + "\" in " + result.problems()));
        assertEquals(file, problem.file().getFileName().toString(), problem.toString());
        assertEquals(line, problem.line(), problem.toString());
        assertTrue(problem.toString().contains(fixture + "/fixture/module.yaml:" + line), problem.toString());
    }

    @Test
    void a_broken_module_stops_the_catalog_with_every_problem_listed() {
        InvalidModulesException e = new InvalidModulesException(
                ModuleLoader.loadAll(BROKEN.resolve("missing-language")).problems());
        assertTrue(e.getMessage().contains("missing the Swedish (sv) text"), e.getMessage());
    }

    @Test
    void a_minimal_valid_module_loads() {
        ModuleLoader.Result result = ModuleLoader.loadAll(Path.of("src/test/resources/valid-modules"));
        assertEquals(List.of(), result.problems());
        Module module = result.modules().get(0);
        assertEquals("fixture", module.slug());
        assertEquals("Sömn", module.title().get("sv"));
        ScaleStep scale = (ScaleStep) module.step("sleep-quality").orElseThrow();
        assertEquals(10, scale.items().get(0).max());
        assertNotNull(scale.items().get(0).minLabel());
    }
}
