package fi.askel.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What the API and the pages show of a module, in one language. */
public final class ModuleViews {

    private ModuleViews() {}

    public record Label(String key, String label) {}

    public record ModuleSummaryView(String slug, int version, String title, String summary, int estimatedMinutes,
            int stepCount, List<Label> themes, List<Label> targetGroups) {}

    public record ModuleView(String slug, int version, String lang, String title, String summary, int estimatedMinutes,
            List<Label> themes, List<Label> targetGroups, List<StepView> steps) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MediaView(String url, String caption) {}

    /** An illustration: width and height in pixels keep the page from moving while it loads. */
    public record ImageView(String url, String alt, int width, int height) {}

    /**
     * Scale items (min, max, anchors), checklist items, questionnaire items and the parts of a plan (hint, whether
     * a finished plan needs it) share this shape.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemView(String key, String label, Integer min, Integer max, String minLabel, String maxLabel, String hint,
            Boolean required) {

        public ItemView(String key, String label, Integer min, Integer max, String minLabel, String maxLabel) {
            this(key, label, min, max, minLabel, maxLabel, null, null);
        }
    }

    public record DoseView(Integer sets, Integer reps, Integer minutes, int daysPerWeek, String text) {}

    public record ChoiceView(String key, String text, boolean correct) {}

    public record QuestionView(String key, String text, List<ChoiceView> choices, String explanation) {}

    public record OptionView(int value, String label) {}

    public record ScoringView(String method, int multiplier, boolean higherIsBetter, int minScore, int maxScore) {}

    public record BandView(int min, int max, String label) {}

    /** The shared red-flag advice as shown (see {@link SafetyText}): the same wherever it is included. */
    public record SafetyView(int version, String reviewed, List<String> topics, String html) {}

    /**
     * One step; only the fields of its type are present. {@code bodyHtml} is the step's Markdown
     * rendered safely (see {@link Markdown}); for a safety step it is the module's own preface and
     * {@code safety} the shared text. {@code answerShape} is the type whose answer the step takes;
     * {@code images} are the step's illustrations (read and exercise steps), {@code translationSource} where a
     * questionnaire's wording in this language comes from.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepView(String key, String type, String typeLabel, String title, boolean required,
            String bodyHtml, MediaView media, String prompt, Integer maxLength, List<ItemView> items, DoseView dose,
            List<QuestionView> questions, String instrument, List<OptionView> options, ScoringView scoring,
            List<BandView> bands, String answerShape, SafetyView safety, List<ImageView> images, String translationSource) {

        /** A step that is no questionnaire: no source of its wording to name. */
        public StepView(String key, String type, String typeLabel, String title, boolean required, String bodyHtml,
                MediaView media, String prompt, Integer maxLength, List<ItemView> items, DoseView dose,
                List<QuestionView> questions, String instrument, List<OptionView> options, ScoringView scoring,
                List<BandView> bands, String answerShape, SafetyView safety, List<ImageView> images) {
            this(key, type, typeLabel, title, required, bodyHtml, media, prompt, maxLength, items, dose, questions, instrument,
                    options, scoring, bands, answerShape, safety, images, null);
        }

        /** A step without illustrations (only read and exercise steps have them). */
        public StepView(String key, String type, String typeLabel, String title, boolean required, String bodyHtml,
                MediaView media, String prompt, Integer maxLength, List<ItemView> items, DoseView dose,
                List<QuestionView> questions, String instrument, List<OptionView> options, ScoringView scoring,
                List<BandView> bands, String answerShape, SafetyView safety) {
            this(key, type, typeLabel, title, required, bodyHtml, media, prompt, maxLength, items, dose, questions, instrument,
                    options, scoring, bands, answerShape, safety, null, null);
        }
    }
}
