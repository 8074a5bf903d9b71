package fi.askel.content.steps;

import fi.askel.common.Dates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.askel.common.Messages;
import fi.askel.content.Module;
import fi.askel.content.ModuleLoader;
import fi.askel.content.ModuleViews.SafetyView;
import fi.askel.content.ModuleViews.StepView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The registry of step types is complete: every type the loader accepts is a record of the sealed
 * {@link Step}, has a name in every language, a form and a review template, and its form, answer
 * check, review and stored JSON work together on a shipped step of that type.
 */
class StepTypesTest {

    private static final List<Module> SHIPPED = ModuleLoader.loadAll(Path.of("exercises")).modules();
    private static final Path TEMPLATES = Path.of("frontend/templates/steps");

    @Test
    void every_record_of_the_sealed_step_is_registered_once() {
        Set<Class<?>> permitted = Set.copyOf(Arrays.asList(Step.class.getPermittedSubclasses()));
        assertEquals(permitted, StepTypes.ALL.stream().map(StepTypes.StepType::type).collect(Collectors.toSet()));
        assertEquals(StepTypes.ALL.size(), permitted.size(), "one registration per record");
        assertEquals(StepTypes.ALL.size(), Set.copyOf(Step.TYPES).size(), "type names are unique");
    }

    @Test
    void every_type_has_a_name_in_every_language_and_its_templates() {
        for (String lang : Messages.LANGUAGES) {
            Map<String, String> texts = Messages.load(lang);
            for (String type : Step.TYPES) {
                assertTrue(texts.containsKey("step-type." + type), "step-type." + type + " in " + lang);
            }
        }
        for (String type : Step.TYPES) {
            assertTrue(Files.isRegularFile(TEMPLATES.resolve(type).resolve("form.html")), type + "/form.html");
            assertTrue(Files.isRegularFile(TEMPLATES.resolve(type).resolve("review.html")), type + "/review.html");
            // The module editor's form of the type and what a new step of it starts as.
            assertTrue(Files.isRegularFile(TEMPLATES.resolve(type).resolve("editor.html")), type + "/editor.html");
            assertTrue(Files.isRegularFile(TEMPLATES.resolve(type).resolve("new.yaml")), type + "/new.yaml");
            // What the module's page in the catalogue shows of a step of the type.
            assertTrue(Files.isRegularFile(TEMPLATES.resolve(type).resolve("catalog.html")), type + "/catalog.html");
        }
    }

    @Test
    void every_type_reads_its_form_checks_the_answer_and_reviews_it() {
        for (String type : Step.TYPES) {
            Step step = shipped(type);
            assertEquals(type, step.type());
            JsonNode fromEmptyForm = step.fromForm(Map.of(), null);
            JsonNode draft = AnswerCheck.check(step, fromEmptyForm, false, Dates.today());
            assertTrue(draft.isObject(), type);
            assertNotNull(step.form(draft), type);
            assertNotNull(step.form(null), type + ": a step never answered shows an empty form");
            assertNotNull(step.review(draft, REVIEW), type);
            StepView view = step.view(view());
            assertEquals(type, view.type());
            assertEquals(step.answerShape(), view.answerShape());
        }
    }

    /** Each type answers itself (the data set generator uses it): every shipped step's sample is a finished answer. */
    @Test
    void every_shipped_step_answers_its_own_sample_as_a_finished_answer() throws Exception {
        ObjectMapper json = new ObjectMapper();
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        LocalDate today = Dates.today();
        Set<String> types = new java.util.TreeSet<>();
        for (Module module : SHIPPED) {
            for (Step step : module.steps()) {
                for (int i = 0; i < 5; i++) {
                    JsonNode sample = json.valueToTree(step.sampleAnswer(random, today.minusDays(i)));
                    try {
                        AnswerCheck.check(step, sample, true, today);
                    } catch (fi.askel.common.ApiException e) {
                        throw new AssertionError(module.slug() + "/" + step.key() + " (" + step.type() + "): " + sample
                                + " refused: " + e.fieldErrors(), e);
                    }
                }
                types.add(step.type());
            }
        }
        assertEquals(new java.util.TreeSet<>(Step.TYPES), types, "every type is shipped, so every sample is checked");
    }

    @Test
    void stored_module_versions_name_each_step_by_its_type_and_read_back_the_same() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (Module module : SHIPPED) {
            String stored = json.writeValueAsString(module);
            for (Step step : module.steps()) {
                assertTrue(stored.contains("{\"type\":\"" + step.type() + "\",\"key\":\"" + step.key() + "\""), stored);
            }
            assertEquals(module, json.readValue(stored, Module.class));
        }
        assertFalse(StepTypes.ALL.isEmpty());
    }

    @Test
    void a_plan_needs_its_required_parts_when_finished_refuses_over_long_or_unknown_parts_and_reviews_each_part() {
        PlanStep plan = (PlanStep) shipped("plan");
        assertTrue(plan.showsCourseSoFar());
        PlanStep.Part optional = plan.parts().stream().filter(p -> !p.required()).findFirst().orElseThrow();
        PlanStep.Part needed = plan.parts().stream().filter(PlanStep.Part::required).findFirst().orElseThrow();
        JsonNode typed = plan.fromForm(Map.of(PlanStep.FIELD_PREFIX + needed.key(), List.of("Kävelen")), null);
        assertEquals("Kävelen", AnswerCheck.check(plan, typed, false, Dates.today()).path("texts").path(needed.key()).asText());
        fi.askel.common.ApiException unfinished = org.junit.jupiter.api.Assertions.assertThrows(fi.askel.common.ApiException.class,
                () -> AnswerCheck.check(plan, typed, true, Dates.today()));
        Set<String> fields = unfinished.fieldErrors().stream().map(f -> f.field()).collect(Collectors.toSet());
        assertFalse(fields.contains("answer.texts." + optional.key()), "an optional part may stay empty");
        assertFalse(fields.contains("answer.texts." + needed.key()));
        assertEquals(plan.parts().stream().filter(PlanStep.Part::required).count() - 1, fields.size(), fields.toString());
        JsonNode tooLong = new ObjectMapper().createObjectNode().set("texts", new ObjectMapper().createObjectNode()
                .put(needed.key(), "x".repeat(plan.maxLength() + 1)).put("elsewhere", "?"));
        fi.askel.common.ApiException refused = org.junit.jupiter.api.Assertions.assertThrows(fi.askel.common.ApiException.class,
                () -> AnswerCheck.check(plan, tooLong, false, Dates.today()));
        assertEquals(Set.of("answer.texts." + needed.key(), "answer.texts.elsewhere"),
                refused.fieldErrors().stream().map(f -> f.field()).collect(Collectors.toSet()));
        @SuppressWarnings("unchecked")
        List<ReviewLine> review = (List<ReviewLine>) plan.review(typed, REVIEW);
        assertEquals(plan.parts().size(), review.size());
        assertEquals(new ReviewLine(needed.label().get("fi"), "Kävelen", null, true), review.get(plan.parts().indexOf(needed)));
        assertEquals(ReviewLine.NONE, review.get(plan.parts().indexOf(optional)).value());
    }

    private static Step shipped(String type) {
        return SHIPPED.stream().flatMap(m -> m.steps().stream()).filter(s -> s.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no shipped module has a " + type + " step"));
    }

    private static final ReviewContext REVIEW = new ReviewContext() {
        @Override
        public String lang() {
            return "fi";
        }

        @Override
        public String t(String key, Object... args) {
            return key;
        }

        @Override
        public String date(LocalDate date) {
            return date.toString();
        }

        @Override
        public String signed(int value) {
            return String.valueOf(value);
        }

        @Override
        public boolean highPain(int pain) {
            return pain >= 7;
        }
    };

    private static ViewContext view() {
        return new ViewContext() {
            @Override
            public String lang() {
                return "sv";
            }

            @Override
            public String t(String key, Object... args) {
                return key;
            }

            @Override
            public String typeLabel() {
                return "label";
            }

            @Override
            public String html(String markdown) {
                return markdown;
            }

            @Override
            public String imageUrl(Image image) {
                return "/images/" + image.file();
            }

            @Override
            public SafetyView safety(List<String> topics) {
                return null;
            }
        };
    }
}
