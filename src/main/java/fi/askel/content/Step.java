package fi.askel.content;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One step of a module, as its author wrote it. What a client fills in for each type, and how it
 * is stored, is described in exercises/README.md; the answer checks live with the rehab feature.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Step.Read.class, name = "read"),
        @JsonSubTypes.Type(value = Step.Reflection.class, name = "reflection"),
        @JsonSubTypes.Type(value = Step.Scale.class, name = "scale"),
        @JsonSubTypes.Type(value = Step.Checklist.class, name = "checklist"),
        @JsonSubTypes.Type(value = Step.Exercise.class, name = "exercise"),
        @JsonSubTypes.Type(value = Step.Quiz.class, name = "quiz"),
        @JsonSubTypes.Type(value = Step.Goal.class, name = "goal"),
        @JsonSubTypes.Type(value = Step.Questionnaire.class, name = "questionnaire"),
        @JsonSubTypes.Type(value = Step.Safety.class, name = "safety")})
public sealed interface Step {

    List<String> TYPES = List.of("read", "reflection", "scale", "checklist", "exercise", "quiz", "goal", "questionnaire",
            "safety");

    String key();

    Localized title();

    boolean required();

    /** The type name used in module.yaml, the API and the stored answers. */
    String type();

    /**
     * The shape of the stored answer (see exercises/README.md), which is what answer checks, forms and
     * the structure hash depend on. Usually the type itself; a step type answered like another names it.
     */
    default String answerShape() {
        return type();
    }

    record Media(String url, Localized caption) {}

    record Read(String key, Localized title, boolean required, Localized body, Media media) implements Step {
        public String type() {
            return "read";
        }
    }

    /**
     * The shared red-flag advice (exercises/_safety), included by reference so that every module gives
     * the same advice: the topics chosen from it, and an optional preface of the module's own
     * (&lt;key&gt;.&lt;lang&gt;.md, which may not restate the advice). The shared text itself is looked up
     * when the step is shown, so an older module version shows the current advice too. Answered like a
     * {@code read} step: the client confirms having read it.
     */
    record Safety(String key, Localized title, boolean required, Localized preface, List<String> topics)
            implements Step {
        public String type() {
            return "safety";
        }

        @Override
        public String answerShape() {
            return "read";
        }
    }

    record Reflection(String key, Localized title, boolean required, Localized prompt, int maxLength) implements Step {
        public String type() {
            return "reflection";
        }
    }

    record ScaleItem(String key, Localized label, int min, int max, Localized minLabel, Localized maxLabel) {}

    record Scale(String key, Localized title, boolean required, Localized prompt, List<ScaleItem> items) implements Step {
        public String type() {
            return "scale";
        }
    }

    record ChecklistItem(String key, Localized label) {}

    record Checklist(String key, Localized title, boolean required, Localized prompt, List<ChecklistItem> items)
            implements Step {
        public String type() {
            return "checklist";
        }
    }

    /** How much and how often; at least one of sets, reps or minutes, and days per week. */
    record Dose(Integer sets, Integer reps, Integer minutes, int daysPerWeek) {}

    record Exercise(String key, Localized title, boolean required, Localized body, Dose dose) implements Step {
        public String type() {
            return "exercise";
        }
    }

    record Choice(String key, Localized text, boolean correct) {}

    record Question(String key, Localized text, List<Choice> choices, Localized explanation) {}

    record Quiz(String key, Localized title, boolean required, List<Question> questions) implements Step {
        public String type() {
            return "quiz";
        }
    }

    record Goal(String key, Localized title, boolean required, Localized prompt) implements Step {
        public String type() {
            return "goal";
        }
    }

    record Option(int value, Localized label) {}

    record Item(String key, Localized text) {}

    record Scoring(String method, int multiplier, boolean higherIsBetter) {}

    record Band(int min, int max, Localized label) {}

    record Questionnaire(String key, Localized title, boolean required, Localized prompt, String instrument,
            List<Option> options, List<Item> items, Scoring scoring, List<Band> bands) implements Step {

        public String type() {
            return "questionnaire";
        }

        public int minScore() {
            return items.size() * options.stream().mapToInt(Option::value).min().orElse(0) * scoring.multiplier();
        }

        public int maxScore() {
            return items.size() * options.stream().mapToInt(Option::value).max().orElse(0) * scoring.multiplier();
        }

        /** The score for one value per item (the service checks the answer is complete and valid first). */
        public int score(java.util.Map<String, Integer> values) {
            return values.values().stream().mapToInt(Integer::intValue).sum() * scoring.multiplier();
        }

        public Band band(int score) {
            return bands.stream().filter(b -> score >= b.min() && score <= b.max()).findFirst().orElse(null);
        }
    }
}
