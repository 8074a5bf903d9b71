package fi.askel.content.steps;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import fi.askel.content.Localized;
import fi.askel.content.ModuleViews.StepView;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One step of a module, as its author wrote it. Each type is one record here that knows its own
 * content (read from module.yaml by the reader {@link StepTypes} registers for it), how it is shown
 * ({@link #view}), what its answer may hold ({@link #check}), how its HTML form becomes that answer
 * ({@link #fromForm}), and how the answer reads to the specialist ({@link #review}); its templates are
 * frontend/templates/steps/&lt;type&gt;/form.html and review.html. The stored JSON of a module version
 * names each step by its {@code type}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(StepTypes.IdResolver.class)
public sealed interface Step permits ReadStep, ReflectionStep, ScaleStep, ChecklistStep, ExerciseStep, QuizStep, GoalStep,
        QuestionnaireStep, SafetyStep, DiaryStep, PlanStep {

    /** Every type name the loader accepts, in the order authors read them in exercises/README.md. */
    List<String> TYPES = StepTypes.names();

    String key();

    Localized title();

    boolean required();

    /** The type name used in module.yaml, the API and the stored answers. */
    default String type() {
        return StepTypes.of(getClass()).name();
    }

    /**
     * The shape of the stored answer (see exercises/README.md), which is what the structure hash depends
     * on. Usually the type itself; a step type answered like another names it.
     */
    default String answerShape() {
        return type();
    }

    /** The step's illustrations (read and exercise steps may have them). */
    default List<Image> images() {
        return List.of();
    }

    /** The step in one language, for the API and the pages. */
    StepView view(ViewContext c);

    /** What answers depend on beyond key, shape and required (ranges, item keys…): see StructureHash. */
    default void structure(StringBuilder sb) {
    }

    /**
     * The answer in its normal form (unknown fields dropped, duplicates removed); problems go to the
     * check, each naming its field. A draft may be partial; a final answer must be complete.
     */
    JsonNode check(JsonNode answer, boolean done, AnswerCheck c);

    /**
     * A complete answer a client could give, as the step's form would send it (exercises/README.md names the shapes),
     * varied by {@code random} and dated on or before {@code day}: the data set generator answers with it, and it passes
     * {@link #check} as a finished answer (StepTypesTest), so a new step type brings its own.
     */
    Map<String, Object> sampleAnswer(SplittableRandom random, LocalDate day);

    /** The answer the step's HTML form (frontend/templates/steps/&lt;type&gt;/form.html) stands for. */
    JsonNode fromForm(Map<String, List<String>> form, JsonNode saved);

    /** What the form template needs to show a saved (or refused) answer again. */
    default Object form(JsonNode answer) {
        return new AnswerForm(answer);
    }

    /** The answer laid next to the step's items, for review.html of the type. */
    Object review(JsonNode answer, ReviewContext c);

    /**
     * Whether the step's form shows the client what they built during the course (their goals with the latest
     * ratings, the exercises they logged most), which the page showing the step then brings along.
     */
    default boolean showsCourseSoFar() {
        return false;
    }

    /** Whether the page may save drafts while the client types (off where each press of a button is a change). */
    default boolean autosaves() {
        return true;
    }
}
