package fi.askel.content;

import fi.askel.content.steps.SafetyStep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Red-flag advice has one voice: modules include the shared text in exercises/_safety by reference,
 * and a module that says it in its own words is refused with the file and line.
 */
class SafetyTextTest {

    private static final String MANIFEST = """
            slug: fixture
            version: 1
            estimatedMinutes: 10
            themes: [pain]
            targetGroups: [all]
            title: {fi: Kipu, sv: Smärta, en: Pain}
            summary: {fi: Lyhyt kuvaus., sv: Kort beskrivning., en: A short description.}
            steps:
              - key: intro
                type: read
                title: {fi: Aluksi, sv: Först, en: First}
            %s
            """;

    private static final String SAFETY_STEP = """
                  - key: when-to-get-help
                    type: safety
                    title: {fi: Milloin hakea apua, sv: När du ska söka hjälp, en: When to get help}
                    topics: [chest-pain, saddle-numbness]
                """;

    @TempDir
    Path dir;

    private Path module;

    @BeforeEach
    void copy_the_shipped_safety_text() throws IOException {
        Path safety = Files.createDirectories(dir.resolve(SafetyText.FOLDER));
        try (Stream<Path> files = Files.list(Path.of("exercises", SafetyText.FOLDER))) {
            for (Path f : files.toList()) {
                Files.copy(f, safety.resolve(f.getFileName()));
            }
        }
        module = Files.createDirectories(dir.resolve("fixture"));
        for (String lang : List.of("fi", "sv", "en")) {
            write("intro." + lang + ".md", "Liike on hyvä hoito.\n\nTee harjoitteet rauhassa.\n");
        }
    }

    @Test
    void a_module_that_restates_red_flag_advice_is_refused_with_file_and_line() throws IOException {
        write("module.yaml", MANIFEST.formatted(""));
        write("intro.fi.md", "Liike on hyvä hoito.\n\nJos sinulle tulee rintakipua, ota yhteyttä lääkäriin.\n");
        ModuleLoader.Result result = ModuleLoader.loadAll(dir);
        assertTrue(result.modules().isEmpty(), "a module with its own red-flag advice must not load");
        ModuleProblem problem = result.problems().get(0);
        assertEquals("intro.fi.md", problem.file().getFileName().toString(), problem.toString());
        assertEquals(3, problem.line(), problem.toString());
        assertTrue(problem.toString().contains("fixture/intro.fi.md:3: restates red-flag advice (\"rintakip\")"), problem.toString());
        assertTrue(problem.message().contains("type safety"), "tells the author what to do instead: " + problem);
    }

    @Test
    void manifest_texts_are_checked_too_and_a_crisis_line_number_is_not_mistaken_for_112() throws IOException {
        write("module.yaml", MANIFEST.formatted("""
                  - key: check
                    type: quiz
                    title: {fi: Tarkista, sv: Kontrollera, en: Check}
                    questions:
                      - key: q1
                        text: {fi: "Mitä teet?", sv: "Vad gör du?", en: "What do you do?"}
                        choices:
                          - key: a
                            text: {fi: Soitan Kriisipuhelimeen 09 2525 0111., sv: Jag ringer 09 2525 0112., en: I call 09 2525 0116.}
                            correct: true
                          - key: b
                            text: {fi: Odotan., sv: Jag väntar., en: I wait.}
                        explanation:
                          fi: Soita heti.
                          sv: Ring genast.
                          en: If you have chest pain, call 112.
                """));
        List<ModuleProblem> problems = ModuleLoader.loadAll(dir).problems();
        // the crisis line's numbers are the shared text's too (each named as itself, never as 112), and calling 112
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.file().getFileName().toString().equals("module.yaml")), problems.toString());
        assertEquals(List.of(20, 20, 20, 27), problems.stream().map(ModuleProblem::line).toList(), problems.toString());
        assertTrue(problems.get(0).message().contains("(\"09 2525 0111\")"), problems.toString());
        assertTrue(problems.stream().filter(p -> p.line() == 20).noneMatch(p -> p.message().contains("(\"112\")")),
                problems.toString());
    }

    /** When to call the emergency number or the crisis line is the shared text's to say; a module only points to it. */
    @Test
    void naming_the_emergency_number_or_the_crisis_line_is_refused_in_every_language() throws IOException {
        assertEquals(List.of("intro.en.md:3 crisis helpline", "intro.fi.md:3 hätänum", "intro.sv.md:3 nödnum"),
                refusedIntros("Jos ihminen menee tajuttomaksi, soita hätänumeroon.", "Om du är i fara, ring nödnumret nu.",
                        "You can also call the Crisis Helpline."));
    }

    @Test
    void a_symptom_with_another_is_advice_and_refused_but_either_word_alone_is_not() throws IOException {
        assertEquals(List.of("intro.en.md:3 fever & neck", "intro.fi.md:3 kuume & selkä", "intro.sv.md:3 plötslig & svag"),
                refusedIntros("Jos selkäkipuun liittyy kuumetta, mene lääkäriin.",
                        "Om du plötsligt får svaghet i ena armen, ring genast.", "A fever with neck pain needs a doctor today."));
        // either word alone, in the intros' first lines, is not refused
        assertEquals(List.of(), refusedIntros("Kuume on syy levätä.", "Svaghet går över.", "Your neck will thank you."));
    }

    /** The refusals ("file:line term", sorted) of a module whose fi, sv and en intros have the sentence on line 3. */
    private List<String> refusedIntros(String fi, String sv, String en) throws IOException {
        write("module.yaml", MANIFEST.formatted(""));
        write("intro.fi.md", "Liike on hyvä hoito.\n\n" + fi + "\n");
        write("intro.sv.md", "Liike är bra vård.\n\n" + sv + "\n");
        write("intro.en.md", "Your back will thank you.\n\n" + en + "\n");
        return ModuleLoader.loadAll(dir).problems().stream().map(p -> p.file().getFileName() + ":" + p.line() + " "
                + p.message().replaceAll("^[^(]*\\(\"([^\"]+)\"\\).*$", "$1")).sorted().toList();
    }

    @Test
    void a_module_that_includes_the_safety_text_loads_with_the_shared_words() throws IOException {
        write("module.yaml", MANIFEST.formatted(SAFETY_STEP));
        ModuleLoader.Result result = ModuleLoader.loadAll(dir);
        assertEquals(List.of(), result.problems());
        SafetyStep step = (SafetyStep) result.modules().get(0).step("when-to-get-help").orElseThrow();
        assertEquals(List.of("chest-pain", "saddle-numbness"), step.topics());
        assertEquals("read", step.answerShape(), "answered like a read step");
        assertEquals(null, step.preface(), "a preface is optional");
        SafetyText safety = result.safety();
        assertNotNull(safety);
        assertEquals(1, safety.version());
        String fi = safety.markdown("fi", step.topics());
        assertTrue(fi.contains("## Rintakipu") && fi.contains("soita 112"), fi);
        assertTrue(fi.contains("haaroväli"), fi);
        assertTrue(!fi.contains("Kriisipuhelin"), "only the chosen topics: " + fi);
        assertTrue(safety.markdown("sv", List.of()).contains("kristelefon"), "no topics means all of them");
    }

    @Test
    void a_preface_of_the_modules_own_is_shown_before_and_is_checked_like_every_text() throws IOException {
        write("module.yaml", MANIFEST.formatted(SAFETY_STEP));
        for (String lang : List.of("fi", "sv", "en")) {
            write("when-to-get-help." + lang + ".md", "Lue tämä ennen harjoittelua.\n");
        }
        SafetyStep step = (SafetyStep) ModuleLoader.loadAll(dir).modules().get(0).step("when-to-get-help").orElseThrow();
        assertEquals("Lue tämä ennen harjoittelua.\n", step.preface().get("sv"));

        write("when-to-get-help.en.md", "Read this first.\n\nIf you feel numbness between your legs, wait and see.\n");
        List<ModuleProblem> problems = ModuleLoader.loadAll(dir).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).toString().endsWith("when-to-get-help.en.md:3: restates red-flag advice (\"numbness\"),"
                + " which only the shared safety text in exercises/_safety gives: include it with a step of type safety"
                + " (topics: [...]) instead of your own words"), problems.toString());
    }

    @Test
    void an_unknown_topic_or_a_missing_safety_text_is_refused() throws IOException {
        write("module.yaml", MANIFEST.formatted(SAFETY_STEP.replace("saddle-numbness", "broken-leg")));
        List<ModuleProblem> problems = ModuleLoader.loadAll(dir).problems();
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("unknown topics value \"broken-leg\"")
                && p.line() == 15), problems.toString());

        write("module.yaml", MANIFEST.formatted(SAFETY_STEP));
        try (Stream<Path> files = Files.list(dir.resolve(SafetyText.FOLDER))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir.resolve(SafetyText.FOLDER));
        problems = ModuleLoader.loadAll(dir).problems();
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("exercises/_safety is missing")), problems.toString());
    }

    @Test
    void the_three_languages_of_the_safety_text_are_one_reviewed_version() throws IOException {
        write("module.yaml", MANIFEST.formatted(SAFETY_STEP));
        Path sv = dir.resolve(SafetyText.FOLDER).resolve("red-flags.sv.md");
        Files.writeString(sv, Files.readString(sv).replaceFirst("version: 1", "version: 2"));
        List<ModuleProblem> problems = ModuleLoader.loadAll(dir).problems();
        assertTrue(problems.stream().anyMatch(p -> p.file().equals(sv) && p.message().contains("must be the same in every language")),
                problems.toString());

        Files.writeString(sv, Files.readString(sv).replaceFirst("version: 2\n", "version: 1\n").replaceFirst("reviewer: .*\n", ""));
        problems = ModuleLoader.loadAll(dir).problems();
        assertTrue(problems.stream().anyMatch(p -> p.file().equals(sv) && p.message().contains("needs \"reviewer\"")),
                problems.toString());
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(module.resolve(name), text, StandardCharsets.UTF_8);
    }
}
