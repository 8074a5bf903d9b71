package fi.askel.followup;

import fi.askel.content.Module;
import fi.askel.content.ModuleCatalog;
import fi.askel.content.steps.QuestionnaireStep;
import fi.askel.rehab.Assignment.Measure;
import fi.askel.rehab.AssignmentViews.AssignmentView;
import fi.askel.rehab.QuestionnaireResult;
import fi.askel.rehab.StepAnswer;
import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A client's course measures, start beside end: for each measure module of each period and each questionnaire in it,
 * the score answered at the start and at the end with the band the questionnaire itself gives each, and the change.
 * From the assignments and the client's questionnaire results the page has already read: no query of its own.
 */
final class MeasureComparison {

    /** One questionnaire of a measure; a side not answered yet has no score ({@code endOpensOn}: when the end opens). */
    @TemplateData
    public record MeasureLine(String module, String questionnaire, int maxScore, boolean higherIsBetter, Integer startScore,
            Instant startAt, String startBand, Integer endScore, Instant endAt, String endBand, LocalDate endOpensOn,
            Integer change, boolean worsening) {

        public boolean compared() {
            return change != null;
        }
    }

    private MeasureComparison() {}

    static List<MeasureLine> of(List<AssignmentView> assignments, List<QuestionnaireResult> clientResults, ModuleCatalog catalog,
            String lang) {
        List<AssignmentView> measures = assignments.stream().filter(a -> a.measure() != null)
                .sorted(Comparator.comparing(AssignmentView::createdAt).thenComparing(AssignmentView::id)).toList();
        if (measures.isEmpty()) {
            return List.of();
        }
        Set<Long> measureIds = measures.stream().map(AssignmentView::id).collect(Collectors.toSet());
        Map<StepAnswer.Key, QuestionnaireResult> results = clientResults.stream().filter(r -> measureIds.contains(r.assignmentId))
                .collect(Collectors.toMap(r -> new StepAnswer.Key(r.assignmentId, r.stepKey), Function.identity()));
        Map<String, Map<Measure, AssignmentView>> byMeasure = new LinkedHashMap<>();
        measures.forEach(a -> byMeasure.computeIfAbsent(a.periodId() + "/" + a.moduleSlug(), k -> new EnumMap<>(Measure.class))
                .putIfAbsent(a.measure(), a));
        List<MeasureLine> lines = new ArrayList<>();
        for (Map<Measure, AssignmentView> pair : byMeasure.values()) {
            AssignmentView start = pair.get(Measure.START);
            AssignmentView end = pair.get(Measure.END);
            AssignmentView any = start != null ? start : end;
            Module module = catalog.find(any.moduleSlug(), any.moduleVersion()).orElse(null);
            if (module == null) {
                continue;
            }
            module.steps().stream().filter(st -> st instanceof QuestionnaireStep).map(st -> (QuestionnaireStep) st).forEach(q -> {
                QuestionnaireResult s = start == null ? null : results.get(new StepAnswer.Key(start.id(), q.key()));
                QuestionnaireResult e = end == null ? null : results.get(new StepAnswer.Key(end.id(), q.key()));
                Integer change = s != null && e != null ? e.score - s.score : null;
                lines.add(new MeasureLine(module.title().get(lang), q.title().get(lang), q.maxScore(), q.scoring().higherIsBetter(),
                        s == null ? null : s.score, s == null ? null : s.recordedAt, band(q, s, lang),
                        e == null ? null : e.score, e == null ? null : e.recordedAt, band(q, e, lang),
                        end == null || !end.notOpenYet() ? null : end.opensOn(), change,
                        change != null && (q.scoring().higherIsBetter() ? change < 0 : change > 0)));
            });
        }
        return lines;
    }

    private static String band(QuestionnaireStep q, QuestionnaireResult r, String lang) {
        if (r == null) {
            return "";
        }
        QuestionnaireStep.Band b = q.band(r.score);
        return b == null ? "" : b.label().get(lang);
    }
}
