package fi.askel.content.steps;

import fi.askel.content.YamlFields;
import fi.askel.content.steps.QuestionnaireStep.Band;
import fi.askel.content.steps.QuestionnaireStep.Item;
import fi.askel.content.steps.QuestionnaireStep.Option;
import fi.askel.content.steps.QuestionnaireStep.Scoring;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The questionnaire step: a scored instrument whose bands must cover every possible score once. */
final class QuestionnaireReader {

    private QuestionnaireReader() {}

    static QuestionnaireStep read(StepReading r) {
        YamlFields s = r.s();
        String instrument = s.string("instrument", true);
        List<Option> options = new ArrayList<>();
        Set<Integer> values = new HashSet<>();
        for (YamlFields o : s.list("options", true, "option", Set.of("value", "label"))) {
            Integer value = o.integer("value", true, -100, 100);
            if (value != null && !values.add(value)) {
                o.problem(o.raw("value"), "two answer options have the value " + value);
            }
            options.add(new Option(StepReading.orDefault(value, 0), o.localized("label", true)));
        }
        List<Item> items = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (YamlFields i : s.list("items", true, "item", Set.of("key", "text"))) {
            items.add(new Item(i.uniqueKey(keys, "item"), i.localized("text", true)));
        }
        Scoring scoring = scoring(s);
        List<Band> bands = new ArrayList<>();
        for (YamlFields b : s.list("bands", true, "band", Set.of("min", "max", "label"))) {
            Integer min = b.integer("min", true, -100_000, 100_000);
            Integer max = b.integer("max", true, -100_000, 100_000);
            if (min != null && max != null && min > max) {
                b.problem(b.raw("max"), "band max (" + max + ") is below its min (" + min + ")");
            }
            bands.add(new Band(StepReading.orDefault(min, 0), StepReading.orDefault(max, 0), b.localized("label", true)));
        }
        QuestionnaireStep q = new QuestionnaireStep(r.key(), r.title(), r.required(), s.localized("prompt", true), instrument,
                s.localized("translationSource", true), List.copyOf(options), List.copyOf(items), scoring, List.copyOf(bands),
                s.integer("flagAtOrBelow", false, -100_000, 100_000));
        if (!options.isEmpty() && !items.isEmpty() && !bands.isEmpty()) {
            checkBands(q, s);
        }
        return q;
    }

    private static Scoring scoring(YamlFields s) {
        if (!s.has("scoring")) {
            s.problem(s.node(), "a questionnaire needs scoring (method: sum, multiplier, higherIsBetter)");
            return new Scoring("sum", 1, true);
        }
        YamlFields sc = s.nested("scoring", "scoring", Set.of("method", "multiplier", "higherIsBetter"));
        String method = sc.string("method", true);
        if (method != null && !method.equals("sum")) {
            sc.problem(sc.raw("method"), "unknown scoring method \"" + method + "\" (known: sum)");
        }
        if (!sc.has("higherIsBetter")) {
            sc.problem(sc.node(), "scoring needs higherIsBetter: true or false (so worsening can be flagged)");
        }
        return new Scoring("sum", StepReading.orDefault(sc.integer("multiplier", false, 1, 100), 1),
                sc.bool("higherIsBetter", true));
    }

    /** Every score the instrument can give falls in exactly one band. */
    private static void checkBands(QuestionnaireStep q, YamlFields s) {
        List<Band> sorted = q.bands().stream().sorted(Comparator.comparingInt(Band::min)).toList();
        int expected = q.minScore();
        for (Band band : sorted) {
            if (band.min() > expected) {
                s.problem(s.raw("bands"), "bands leave the scores " + expected + "–" + (band.min() - 1) + " without a band");
            } else if (band.min() < expected) {
                s.problem(s.raw("bands"), "bands overlap or start below the lowest possible score at " + band.min());
            }
            expected = Math.max(expected, band.max() + 1);
        }
        if (expected <= q.maxScore()) {
            s.problem(s.raw("bands"), "bands leave the scores " + expected + "–" + q.maxScore() + " without a band");
        }
    }
}
