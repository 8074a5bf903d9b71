package fi.askel.content;

import fi.askel.content.steps.QuestionnaireStep;
import fi.askel.content.steps.ReadStep;
import fi.askel.content.steps.SafetyStep;
import fi.askel.content.steps.ScaleStep;
import fi.askel.content.steps.Step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.askel.common.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The modules in exercises/ load, cover the course themes and use every step type. */
class ShippedModulesTest {

    private static final ModuleLoader.Result RESULT = ModuleLoader.loadAll(Path.of("exercises"));

    @Test
    void every_shipped_module_loads_without_problems() {
        assertEquals(List.of(), RESULT.problems());
        assertTrue(RESULT.modules().size() >= 13, "at least 12 modules and the WHO-5 module");
    }

    @Test
    void the_course_themes_are_covered() {
        Set<String> slugs = RESULT.modules().stream().map(Module::slug).collect(Collectors.toSet());
        for (String slug : List.of("getting-ready", "setting-goals", "everyday-resources", "physical-activity",
                "sleep-and-recovery", "stress-and-relaxation", "living-with-pain", "eating-well", "peer-support",
                "back-and-neck", "type-2-diabetes", "family-carers", "wellbeing-who5")) {
            assertTrue(slugs.contains(slug), slug);
        }
    }

    @Test
    void modules_have_four_to_ten_steps_of_mixed_types_and_every_type_is_used() {
        for (Module m : RESULT.modules()) {
            assertTrue(m.steps().size() >= 4 && m.steps().size() <= 10, m.slug() + " has " + m.steps().size() + " steps");
            assertTrue(m.steps().stream().map(Step::type).distinct().count() >= 2, m.slug() + " mixes step types");
        }
        Set<String> used = RESULT.modules().stream().flatMap(m -> m.steps().stream()).map(Step::type).collect(Collectors.toSet());
        assertEquals(Set.copyOf(Step.TYPES), used);
    }

    @Test
    void who5_scores_zero_to_hundred_with_kind_bands() {
        Module who5 = RESULT.modules().stream().filter(m -> m.slug().equals("wellbeing-who5")).findFirst().orElseThrow();
        QuestionnaireStep q = who5.steps().stream().filter(s -> s instanceof QuestionnaireStep)
                .map(s -> (QuestionnaireStep) s).findFirst().orElseThrow();
        assertEquals(5, q.items().size());
        assertEquals(0, q.minScore());
        assertEquals(100, q.maxScore());
        Map<String, Integer> allThrees = q.items().stream().collect(Collectors.toMap(QuestionnaireStep.Item::key, i -> 3));
        assertEquals(60, q.score(allThrees));
        assertTrue(q.scoring().higherIsBetter());
        assertTrue(q.band(28) != q.band(29) && q.band(50) != q.band(51));
    }

    @Test
    void getting_ready_covers_what_the_seeds_ask_of_providers() {
        Module m = RESULT.modules().stream().filter(x -> x.slug().equals("getting-ready")).findFirst().orElseThrow();
        // The emergency instructions are the shared safety text, included by reference.
        String all = m.steps().stream().map(s -> s instanceof ReadStep r ? r.body().get("fi")
                : s instanceof SafetyStep sf ? RESULT.safety().markdown("fi", sf.topics()) : "")
                .collect(Collectors.joining("\n"));
        assertTrue(all.contains("112"), "emergency number");
        Set<String> keys = m.steps().stream().map(Step::key).collect(Collectors.toSet());
        assertTrue(keys.containsAll(Set.of("private-space", "data-security", "emergency", "technical-problems")), keys.toString());
    }

    @Test
    void changing_wording_keeps_the_structure_and_changing_a_range_does_not() {
        Module m = RESULT.modules().stream().filter(x -> x.slug().equals("sleep-and-recovery")).findFirst().orElseThrow();
        String hash = StructureHash.of(m);
        ReadStep firstRead = (ReadStep) m.steps().stream().filter(s -> s instanceof ReadStep).findFirst().orElseThrow();
        List<Step> reworded = m.steps().stream().map(s -> s == firstRead ? (Step) new ReadStep(firstRead.key(),
                new Localized(Map.of("fi", "Uusi", "sv", "Ny", "en", "New")), true, firstRead.body(), null, List.of()) : s).toList();
        assertEquals(hash, StructureHash.of(new Module(m.slug(), m.version(), m.estimatedMinutes(), m.themes(),
                m.targetGroups(), m.title(), m.summary(), reworded)));
        List<Step> rescaled = m.steps().stream().map(s -> s instanceof ScaleStep sc ? (Step) new ScaleStep(sc.key(),
                sc.title(), sc.required(), sc.prompt(), sc.items().stream().map(i -> new ScaleStep.Item(i.key(), i.label(),
                        i.min(), i.max() + 1, i.minLabel(), i.maxLabel())).toList()) : s).toList();
        assertTrue(!hash.equals(StructureHash.of(new Module(m.slug(), m.version(), m.estimatedMinutes(), m.themes(),
                m.targetGroups(), m.title(), m.summary(), rescaled))));
    }

    @Test
    void a_read_step_that_becomes_a_safety_step_keeps_the_version_but_a_new_key_does_not() {
        Module m = RESULT.modules().stream().filter(x -> x.slug().equals("getting-ready")).findFirst().orElseThrow();
        SafetyStep safety = (SafetyStep) m.step("emergency").orElseThrow();
        Localized body = new Localized(Map.of("fi", "Soita 112.", "sv", "Ring 112.", "en", "Call 112."));
        List<Step> asRead = m.steps().stream().map(s -> s == safety
                ? (Step) new ReadStep(s.key(), s.title(), s.required(), body, null, List.of()) : s).toList();
        assertEquals(StructureHash.of(m), StructureHash.of(new Module(m.slug(), m.version(), m.estimatedMinutes(),
                m.themes(), m.targetGroups(), m.title(), m.summary(), asRead)), "answered alike: same structure");
        List<Step> renamed = m.steps().stream().map(s -> s == safety
                ? (Step) new SafetyStep("emergency-help", s.title(), s.required(), null, List.of()) : s).toList();
        assertTrue(!StructureHash.of(m).equals(StructureHash.of(new Module(m.slug(), m.version(), m.estimatedMinutes(),
                m.themes(), m.targetGroups(), m.title(), m.summary(), renamed))));
    }

    @Test
    void the_only_red_flag_advice_clients_can_read_is_the_shared_text() {
        List<ModuleProblem> problems = new ArrayList<>();
        RedFlagTerms terms = RedFlagTerms.load(Path.of("exercises"), problems);
        assertEquals(List.of(), problems);
        ObjectMapper json = new ObjectMapper();
        for (Module m : RESULT.modules()) {
            // Every text of the module as stored and shown: titles, bodies, prefaces, prompts, items, quizzes.
            List<String> texts = new ArrayList<>();
            collectTexts(json.valueToTree(m), texts);
            assertTrue(texts.size() > 20, m.slug() + " has its texts collected");
            for (String text : texts) {
                assertEquals(null, terms.find(text), m.slug() + " gives red-flag advice of its own: " + text);
            }
        }
    }

    @Test
    void chest_pain_has_one_answer_call_112_wherever_it_is_taught() {
        Set<String> includeChestPain = RESULT.modules().stream()
                .filter(m -> m.steps().stream().anyMatch(s -> s instanceof SafetyStep sf
                        && (sf.topics().isEmpty() || sf.topics().contains("chest-pain"))))
                .map(Module::slug).collect(Collectors.toSet());
        assertTrue(includeChestPain.containsAll(Set.of("getting-ready", "physical-activity", "back-and-neck",
                "living-with-pain", "type-2-diabetes")), includeChestPain.toString());
        Map<String, String> heading = Map.of("fi", "## Rintakipu", "sv", "## Bröstsmärta", "en", "## Chest pain");
        for (String lang : Messages.LANGUAGES) {
            String advice = RESULT.safety().markdown(lang, List.of("chest-pain"));
            assertTrue(advice.contains(heading.get(lang)) && advice.contains("112"), advice);
            assertTrue(!advice.contains("116 117"), "chest pain is never sent to the non-urgent line: " + advice);
        }
    }

    @Test
    void saddle_numbness_is_the_area_between_the_legs_not_the_groin() {
        assertTrue(RESULT.safety().markdown("fi", List.of("saddle-numbness")).contains("haaroväli"));
        assertTrue(RESULT.safety().markdown("sv", List.of("saddle-numbness")).contains("grenen"));
        for (String lang : Messages.LANGUAGES) {
            String all = RESULT.safety().markdown(lang, List.of()).toLowerCase();
            assertTrue(!all.contains("nivus") && !all.contains("ljumsk") && !all.contains("groin"), all);
        }
    }

    private static void collectTexts(JsonNode node, List<String> texts) {
        node.fields().forEachRemaining(e -> {
            if (Messages.LANGUAGES.contains(e.getKey()) && e.getValue().isTextual()) {
                texts.add(e.getValue().asText());
            } else {
                collectTexts(e.getValue(), texts);
            }
        });
        if (node.isArray()) {
            node.forEach(n -> collectTexts(n, texts));
        }
    }
}
