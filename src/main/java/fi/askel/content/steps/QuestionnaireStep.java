package fi.askel.content.steps;

import com.fasterxml.jackson.databind.JsonNode;
import fi.askel.content.Localized;
import fi.askel.content.ModuleViews.BandView;
import fi.askel.content.ModuleViews.ItemView;
import fi.askel.content.ModuleViews.OptionView;
import fi.askel.content.ModuleViews.ScoringView;
import fi.askel.content.ModuleViews.StepView;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A scored instrument (e.g. WHO-5): items answered on shared options, a sum score and bands that
 * say what a score means. {@code translationSource} names, in each language, where that language's wording comes
 * from (a published validated translation, or the provider's own wording): a score is comparable with the
 * instrument's published bands only in validated wording. How it is read from module.yaml is in
 * {@link QuestionnaireReader}.
 */
public record QuestionnaireStep(String key, Localized title, boolean required, Localized prompt, String instrument,
        Localized translationSource, List<Option> options, List<Item> items, Scoring scoring, List<Band> bands,
        Integer flagAtOrBelow) implements Step {

    public record Option(int value, Localized label) {}

    public record Item(String key, Localized text) {}

    public record Scoring(String method, int multiplier, boolean higherIsBetter) {}

    public record Band(int min, int max, Localized label) {}

    /** The items as answered, and the score once every item has a value. */
    @TemplateData
    public record Review(String instrument, String translationSource, List<ReviewLine> lines, Integer score,
            Integer maxScore, String band, List<String> lowItems, Integer flagAtOrBelow) {

        /** Whether an item was answered at or below the step's flag (WHO-5: 0 or 1), for the specialist to notice. */
        public boolean isLow(String item) {
            return lowItems.contains(item);
        }


        /** Whether it could be scored; a score of 0 is a score (and falsy in a template). */
        public boolean scored() {
            return score != null;
        }
    }

    static QuestionnaireStep read(StepReading r) {
        return QuestionnaireReader.read(r);
    }

    public int minScore() {
        return items.size() * options.stream().mapToInt(Option::value).min().orElse(0) * scoring.multiplier();
    }

    public int maxScore() {
        return items.size() * options.stream().mapToInt(Option::value).max().orElse(0) * scoring.multiplier();
    }

    /** The score for one value per item (the answer is checked complete and valid first). */
    public int score(Map<String, Integer> values) {
        return values.values().stream().mapToInt(Integer::intValue).sum() * scoring.multiplier();
    }

    public Band band(int score) {
        return bands.stream().filter(b -> score >= b.min() && score <= b.max()).findFirst().orElse(null);
    }

    @Override
    public StepView view(ViewContext c) {
        String lang = c.lang();
        List<ItemView> itemViews = items.stream().map(i -> new ItemView(i.key(), i.text().get(lang), null, null, null, null)).toList();
        List<OptionView> optionViews = options.stream().map(o -> new OptionView(o.value(), o.label().get(lang))).toList();
        ScoringView scoringView = new ScoringView(scoring.method(), scoring.multiplier(), scoring.higherIsBetter(), minScore(),
                maxScore());
        List<BandView> bandViews = bands.stream().map(b -> new BandView(b.min(), b.max(), b.label().get(lang))).toList();
        return new StepView(key, type(), c.typeLabel(), title.get(lang), required, null, null, prompt.get(lang), null,
                itemViews, null, null, instrument, optionViews, scoringView, bandViews, answerShape(), null, null,
                translationSource.get(lang));
    }

    /** The flag ({@code flagAtOrBelow}) is left out: it changes what the specialist is shown, not what an answer holds. */
    @Override
    public void structure(StringBuilder sb) {
        sb.append(instrument).append(scoring); // the record's own text, as versions were first hashed
        options.forEach(o -> sb.append(o.value()).append(','));
        items.forEach(i -> sb.append(i.key()).append(';'));
        bands.forEach(b -> sb.append(b.min()).append("..").append(b.max()).append(';'));
    }

    @Override
    public JsonNode check(JsonNode a, boolean done, AnswerCheck c) {
        Set<Integer> allowed = options.stream().map(Option::value).collect(Collectors.toSet());
        Object[] choices = {allowed.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "))};
        return c.values(a, done, items.stream().map(Item::key).toList(), (k, v) -> allowed.contains(v), "answer.option-invalid",
                k -> choices);
    }

    @Override
    public JsonNode fromForm(Map<String, List<String>> form, JsonNode saved) {
        return ScaleStep.valuesFromForm(form);
    }

    @Override
    public Object review(JsonNode a, ReviewContext c) {
        String lang = c.lang();
        Map<Integer, String> labels = options.stream().collect(Collectors.toMap(Option::value, o -> o.label().get(lang)));
        List<ReviewLine> lines = items.stream().map(i -> {
            JsonNode v = a.path("values").path(i.key());
            String value = v.isInt() ? v.asInt() + " – " + labels.getOrDefault(v.asInt(), "") : c.t("review.answer.none");
            return new ReviewLine(i.text().get(lang), value, null, false);
        }).toList();
        // Items answered at or below the flag stand out to the specialist, whatever the total (a low score on one
        // item, such as sleep or mood, can hide in a fair sum).
        List<String> low = flagAtOrBelow == null ? List.of() : items.stream()
                .filter(i -> a.path("values").path(i.key()).isInt() && a.path("values").path(i.key()).asInt() <= flagAtOrBelow)
                .map(i -> i.text().get(lang)).toList();
        if (a.path("values").size() != items.size()) {
            return new Review(instrument, translationSource.get(lang), lines, null, null, null, low, flagAtOrBelow);
        }
        int sum = 0;
        for (JsonNode v : a.path("values")) {
            sum += v.asInt();
        }
        int score = sum * scoring.multiplier();
        Band band = band(score);
        return new Review(instrument, translationSource.get(lang), lines, score, maxScore(), band == null ? null : band.label().get(lang), low, flagAtOrBelow);
    }

    @Override
    public Map<String, Object> sampleAnswer(SplittableRandom random, LocalDate day) {
        Map<String, Object> values = new LinkedHashMap<>();
        items().forEach(i -> values.put(i.key(), options().get(random.nextInt(options().size())).value()));
        return new LinkedHashMap<>(Map.of("values", values));
    }
}
