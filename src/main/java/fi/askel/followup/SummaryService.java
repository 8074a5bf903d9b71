package fi.askel.followup;

import fi.askel.common.Messages;
import fi.askel.content.ModuleCatalog;
import fi.askel.content.ModuleService;
import fi.askel.content.ModuleViews.ImageView;
import fi.askel.content.ModuleViews.ModuleView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.askel.content.Module;
import fi.askel.content.steps.PlanStep;
import fi.askel.content.steps.QuestionnaireStep;
import fi.askel.content.steps.ReviewLine;
import fi.askel.followup.ClientPageViews.GoalRow;
import fi.askel.followup.ClientPageViews.PeriodRow;
import fi.askel.followup.FollowupViews.ClientOverview;
import fi.askel.followup.FollowupViews.QuestionnaireTrend;
import fi.askel.identity.Caller;
import fi.askel.identity.User;
import fi.askel.privacy.AccessKind;
import fi.askel.rehab.AssignmentStatus;
import fi.askel.rehab.AssignmentViews.AssignmentView;
import fi.askel.rehab.ExerciseLog;
import fi.askel.rehab.GasRating.Phase;
import fi.askel.rehab.QuestionnaireResult;
import fi.askel.rehab.Review;
import fi.askel.rehab.StepAnswer;
import fi.askel.rehab.adaptation.Adaptation;
import fi.askel.rehab.adaptation.AdaptationService;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The per-client rehabilitation summary a specialist hands over (e.g. for the rehabilitation report
 * to Kela): periods, modules, GAS goals and T-scores, questionnaires at start and end, the exercise
 * diary in brief, and the specialists' comments.
 */
@ApplicationScoped
public class SummaryService {

    @TemplateData
    /** A module given to the client; {@code skipped}: the steps left out for this client, by title (null: none). */
    public record ModuleLine(String title, String status, Instant reviewedAt, LocalDate dueOn, String skipped) {}

    @TemplateData
    public record PhaseScore(String phase, String tScore, long rated, int goals) {}

    @TemplateData
    public record QuestionnaireLine(String instrument, int maxScore, boolean higherIsBetter, int count, int firstScore,
            Instant firstAt, String firstBand, int lastScore, Instant lastAt, String lastBand, int change, boolean worsening) {}

    @TemplateData
    /** The averages are null when no session logged pain (or effort). */
    public record ExerciseDiary(int sessions, LocalDate first, LocalDate last, String averagePain, String averageEffort,
            int highestPain) {}

    /** An exercise of the client's modules, with its amount and its pictures (shown as their alt text in the PDF). */
    @TemplateData
    public record ExerciseLine(String module, String title, String dose, List<ImageView> images, boolean skipped,
            boolean doseAdapted, String note) {}

    /**
     * The client's own plan for after the course (a plan step they wrote in), each part with what they wrote. A plan
     * the client has not sent yet ({@code draft}) is named as unfinished, without its words: the summary is handed
     * over, and a draft is not yet the client's plan.
     */
    @TemplateData
    public record PlanLine(String module, String title, List<ReviewLine> parts, boolean draft) {}

    @TemplateData
    public record Comment(Instant at, String module, String decision, String reviewer, String text) {}

    @TemplateData
    public record Summary(Long clientId, String clientName, String username, LocalDate generatedOn, String generatedBy,
            List<PeriodRow> periods, List<ModuleLine> done, List<ModuleLine> others, List<PhaseScore> gas, List<GoalRow> goals,
            List<QuestionnaireLine> questionnaires, ExerciseDiary diary, List<Comment> comments,
            RemoteDayTotals.DaysInBrief remoteDays, List<ExerciseLine> exercises, List<PlanLine> plans,
            List<MeasureComparison.MeasureLine> measures) {}

    private final ClientOverviewService overviews;
    private final ModuleCatalog catalog;
    private final ModuleService modules;
    private final Messages messages;
    private final RemoteDayTotals remoteDays;
    private final ObjectMapper json;

    public SummaryService(ClientOverviewService overviews, ModuleCatalog catalog, ModuleService modules, Messages messages,
            RemoteDayTotals remoteDays, ObjectMapper json) {
        this.json = json;
        this.overviews = overviews;
        this.catalog = catalog;
        this.modules = modules;
        this.messages = messages;
        this.remoteDays = remoteDays;
    }

    /** 404 for anyone but the client's responsible staff, as the overview. */
    public Summary summary(Caller caller, Long clientId, String lang) {
        return summary(caller, clientId, lang, AccessKind.SUMMARY_READ);
    }

    /** The summary, logged as {@code kind} (SUMMARY_READ for the page, SUMMARY_PDF for the download). */
    public Summary summary(Caller caller, Long clientId, String lang, AccessKind kind) {
        ClientOverviewService.Read read = overviews.read(caller, clientId, lang, kind);
        ClientOverview o = read.overview();
        Formats fmt = new Formats(lang);
        LocalDate today = Signals.today();
        List<AssignmentView> byAge = o.assignments().stream().sorted(Comparator.comparing(AssignmentView::createdAt)).toList();
        // The modules as adapted for this client (skipped steps, doses): one query for every assignment's adaptation.
        Map<Long, Adaptation> adaptations = AdaptationService.byAssignmentIds(byAge.stream().filter(AssignmentView::adapted)
                .map(AssignmentView::id).toList());
        List<ModuleLine> done = byAge.stream().filter(a -> a.status() == AssignmentStatus.APPROVED)
                .map(a -> moduleLine(a, adaptations, lang)).toList();
        List<ModuleLine> others = byAge.stream().filter(a -> a.status() != AssignmentStatus.APPROVED)
                .map(a -> moduleLine(a, adaptations, lang)).toList();
        List<PhaseScore> gas = Arrays.stream(Phase.values()).map(p -> new PhaseScore(messages.get(lang, "phase." + p.name()),
                fmt.decimal(o.gas().byPhase().get(p)), o.gas().goals().stream().filter(g -> g.ratings().containsKey(p)).count(),
                o.gas().goals().size())).toList();
        Map<Long, AssignmentView> assignments = o.assignments().stream().collect(Collectors.toMap(AssignmentView::id, Function.identity()));
        return new Summary(o.id(), o.name(), o.username(), today, caller.displayName(),
                ClientPageViews.periods(o.periods(), today, caller), done, others, gas,
                ClientPageViews.goals(o.gas().goals(), messages, lang), questionnaires(o, assignments, lang),
                diary(clientId, fmt), comments(assignments, caller), remoteDays.forClient(clientId, lang).orElse(null),
                exercises(byAge, adaptations, lang), plans(byAge, lang), MeasureComparison.of(o.assignments(), read.results(), catalog, lang));
    }

    /**
     * The plans the client wrote (plan steps with some text), oldest assignment first; one query for their answers.
     * Sent means submitted (or reviewed and approved); one still open for answers, or sent back, is a draft.
     */
    private List<PlanLine> plans(List<AssignmentView> byAge, String lang) {
        Map<Long, Module> withPlan = new LinkedHashMap<>();
        Set<Long> drafts = new HashSet<>();
        byAge.forEach(a -> catalog.find(a.moduleSlug(), a.moduleVersion())
                .filter(m -> m.steps().stream().anyMatch(st -> st instanceof PlanStep)).ifPresent(m -> {
                    withPlan.put(a.id(), m);
                    if (a.status().isOpenForAnswers()) {
                        drafts.add(a.id());
                    }
                }));
        if (withPlan.isEmpty()) {
            return List.of();
        }
        AnsweredSteps texts = new AnsweredSteps(messages, lang);
        Map<StepAnswer.Key, StepAnswer> answers = StepAnswer.listByAssignments(withPlan.keySet()).stream()
                .collect(Collectors.toMap(x -> new StepAnswer.Key(x.assignmentId, x.stepKey), Function.identity()));
        List<PlanLine> plans = new java.util.ArrayList<>();
        withPlan.forEach((id, m) -> m.steps().stream().filter(st -> st instanceof PlanStep).forEach(st -> {
            StepAnswer answer = answers.get(new StepAnswer.Key(id, st.key()));
            if (answer == null) {
                return;
            }
            try {
                @SuppressWarnings("unchecked")
                List<ReviewLine> parts = (List<ReviewLine>) st.review(json.readTree(answer.answer), texts);
                if (parts.stream().anyMatch(ReviewLine::checked)) {
                    boolean draft = drafts.contains(id);
                    plans.add(new PlanLine(m.title().get(lang), st.title().get(lang), draft ? List.of() : parts, draft));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored answer " + id + "/" + st.key() + " is not JSON", e);
            }
        }));
        return plans;
    }

    private ModuleLine moduleLine(AssignmentView a, Map<Long, Adaptation> adaptations, String lang) {
        Adaptation adaptation = adaptations.getOrDefault(a.id(), Adaptation.NONE);
        String skipped = adaptation.steps().isEmpty() ? null : catalog.find(a.moduleSlug(), a.moduleVersion())
                .map(m -> m.steps().stream().filter(st -> adaptation.skips(st.key())).map(st -> st.title().get(lang))
                        .collect(Collectors.joining(", ")))
                .filter(t -> !t.isEmpty()).orElse(null);
        return new ModuleLine(a.moduleTitle(), a.status().name(), a.reviewedAt(), a.dueOn(), skipped);
    }

    /**
     * The exercise steps of every module the client has (each module once, in the version last assigned), with the
     * doses, notes and skipped steps of that assignment's adaptation for the client.
     */
    private List<ExerciseLine> exercises(List<AssignmentView> byAge, Map<Long, Adaptation> adaptations, String lang) {
        Map<String, AssignmentView> latest = new LinkedHashMap<>();
        byAge.forEach(a -> latest.put(a.moduleSlug(), a));
        return latest.values().stream().flatMap(a -> catalog.find(a.moduleSlug(), a.moduleVersion()).stream().flatMap(module -> {
            Adaptation ad = adaptations.getOrDefault(a.id(), Adaptation.NONE);
            ModuleView m = modules.view(ad.withDoses(module), lang);
            return m.steps().stream().filter(step -> step.dose() != null)
                    .map(step -> new ExerciseLine(m.title(), step.title(), step.dose().text(),
                            step.images() == null ? List.of() : step.images(), ad.skips(step.key()),
                            ad.changesDose(step.key()), ad.noteAt(step.key())));
        })).toList();
    }

    private List<QuestionnaireLine> questionnaires(ClientOverview o, Map<Long, AssignmentView> assignments, String lang) {
        Map<String, List<QuestionnaireResult>> results = QuestionnaireResult.listByClient(o.id()).stream()
                .collect(Collectors.groupingBy(r -> r.instrument));
        return o.questionnaires().stream().map(q -> {
            List<QuestionnaireResult> list = results.getOrDefault(q.instrument(), List.of()).stream()
                    .sorted(Comparator.comparing((QuestionnaireResult r) -> r.recordedAt).thenComparing(r -> r.assignmentId)).toList();
            return line(q, band(list.get(0), assignments, lang), band(list.get(list.size() - 1), assignments, lang));
        }).toList();
    }

    private static QuestionnaireLine line(QuestionnaireTrend q, String firstBand, String lastBand) {
        return new QuestionnaireLine(q.instrument(), q.maxScore(), q.higherIsBetter(), q.results().size(), q.first().score(),
                q.first().recordedAt(), firstBand, q.latest().score(), q.latest().recordedAt(), lastBand, q.change(), q.worsening());
    }

    /** The band the instrument gives this score, from the module version the client answered. */
    private String band(QuestionnaireResult r, Map<Long, AssignmentView> assignments, String lang) {
        AssignmentView a = assignments.get(r.assignmentId);
        if (a == null) {
            return "";
        }
        return catalog.find(a.moduleSlug(), a.moduleVersion()).flatMap(m -> m.step(r.stepKey))
                .filter(s -> s instanceof QuestionnaireStep)
                .map(s -> ((QuestionnaireStep) s).band(r.score))
                .map(b -> b.label().get(lang)).orElse("");
    }

    private static ExerciseDiary diary(Long clientId, Formats fmt) {
        List<ExerciseLog> logs = ExerciseLog.listByClient(clientId);
        if (logs.isEmpty()) {
            return null;
        }
        // pain and effort of the sessions that logged them (a relaxation exercise asks neither); null when none did
        List<Integer> pain = logs.stream().map(l -> l.pain).filter(java.util.Objects::nonNull).toList();
        List<Integer> effort = logs.stream().map(l -> l.effort).filter(java.util.Objects::nonNull).toList();
        return new ExerciseDiary(logs.size(), logs.get(0).doneOn, logs.get(logs.size() - 1).doneOn,
                pain.isEmpty() ? null : fmt.decimal(pain.stream().mapToInt(Integer::intValue).average().orElse(0)),
                effort.isEmpty() ? null : fmt.decimal(effort.stream().mapToInt(Integer::intValue).average().orElse(0)),
                pain.stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    private static List<Comment> comments(Map<Long, AssignmentView> assignments, Caller caller) {
        List<Review> reviews = Review.listByAssignments(assignments.keySet());
        Map<Long, String> names = User.displayNames(reviews.stream().map(r -> r.reviewerId).toList(), caller);
        return reviews.stream().sorted(Comparator.comparing((Review r) -> r.createdAt).thenComparing(r -> r.id))
                .map(r -> new Comment(r.createdAt, assignments.get(r.assignmentId).moduleTitle(), r.decision,
                        names.getOrDefault(r.reviewerId, ""), r.comment)).toList();
    }
}
