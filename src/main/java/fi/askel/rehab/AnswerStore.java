package fi.askel.rehab;

import fi.askel.common.Dates;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.askel.common.ApiException;
import fi.askel.common.db.IdList;
import fi.askel.content.Module;
import fi.askel.content.ModuleCatalog;
import fi.askel.content.steps.AnswerCheck;
import fi.askel.content.steps.DiaryStep;
import fi.askel.content.steps.ExerciseStep;
import fi.askel.content.steps.QuestionnaireStep;
import fi.askel.content.steps.Step;
import fi.askel.identity.Caller;
import fi.askel.rehab.AssignmentViews.SaveResult;
import fi.askel.rehab.adaptation.AdaptationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The client's answers: saved as drafts while typing and as done when a step is finished. Saving
 * the same answer again changes nothing (autosave and retries are harmless); exercise logs and
 * questionnaire scores are kept in step with the answer they come from.
 */
@ApplicationScoped
public class AnswerStore {

    private final RehabAccess access;
    private final ModuleCatalog catalog;
    private final ObjectMapper json;

    public AnswerStore(RehabAccess access, ModuleCatalog catalog, ObjectMapper json) {
        this.access = access;
        this.catalog = catalog;
        this.json = json;
    }

    /** How finely a step save moves the assignment's time of last activity. */
    static final Duration ACTIVITY_RESOLUTION = Duration.ofMinutes(1);

    @Transactional
    public SaveResult save(Caller caller, Long assignmentId, String stepKey, JsonNode answer, Boolean done) {
        Assignment a = access.lockAssignment(caller, assignmentId);
        if (!a.clientId.equals(caller.id())) {
            throw ApiException.forbidden("rehab.answer.own-only");
        }
        Module module = module(a);
        Step step = module.step(stepKey).orElseThrow(() -> ApiException.notFound("step"));
        if (AdaptationService.of(a).skips(stepKey)) {
            // The specialist took the step out of the client's work: nothing to answer (an earlier answer stays as it was).
            throw ApiException.conflict("step-skipped", "rehab.answer.step-skipped");
        }
        if (done == null) {
            throw ApiException.invalid("final", "rehab.answer.final-required");
        }
        if (!a.status.isOpenForAnswers()) {
            throw ApiException.conflict("answers-locked", "rehab.answer.locked." + a.status.name());
        }
        LocalDate today = Dates.today();
        if (a.opensOn != null && a.opensOn.isAfter(today)) {
            throw ApiException.conflict("not-open-yet", "rehab.answer.not-open", a.opensOn);
        }
        JsonNode normal = AnswerCheck.check(step, answer, done, today);
        String text = normal.toString();
        Instant now = Instant.now();
        StepAnswer saved = StepAnswer.findById(new StepAnswer.Key(a.id, stepKey));
        if (saved != null && saved.answer.equals(text) && saved.done == done) {
            return new SaveResult(stepKey, saved.done, saved.revision, saved.savedAt, false, a.status, normal);
        }
        boolean isNew = saved == null;
        if (isNew) {
            saved = new StepAnswer();
            saved.assignmentId = a.id;
            saved.stepKey = stepKey;
        }
        saved.answer = text;
        saved.done = done;
        saved.revision++;
        saved.savedAt = now;
        if (isNew) {
            saved.persist();
        }
        if (a.status == AssignmentStatus.ASSIGNED || a.status == AssignmentStatus.NEEDS_WORK) {
            a.status = AssignmentStatus.IN_PROGRESS;
            if (a.startedAt == null) {
                a.startedAt = now;
            }
        }
        // Autosave saves every few seconds while someone types: the time of activity moves at most once a minute,
        // which is finer than anything reads it (days without activity, reminders), and saves the update.
        if (a.lastActivityAt == null || a.lastActivityAt.isBefore(now.minus(ACTIVITY_RESOLUTION))) {
            a.lastActivityAt = now;
        }
        if (step instanceof ExerciseStep) {
            ExerciseLogs.replace(a, stepKey, normal);
        }
        if (step instanceof DiaryStep d) {
            DiaryEntries.replace(a, d, normal, now);
        }
        if (step instanceof QuestionnaireStep q) {
            recordScore(a, q, normal, done, now);
        }
        return new SaveResult(stepKey, saved.done, saved.revision, saved.savedAt, true, a.status, normal);
    }

    /** Hands the assignment to the specialist once every required step is done. */
    @Transactional
    public Assignment submit(Caller caller, Long assignmentId) {
        Assignment a = access.lockAssignment(caller, assignmentId);
        if (!a.clientId.equals(caller.id())) {
            throw ApiException.forbidden("rehab.answer.own-only");
        }
        if (a.status != AssignmentStatus.IN_PROGRESS && a.status != AssignmentStatus.NEEDS_WORK) {
            throw ApiException.conflict("illegal-transition", "rehab.submit.illegal." + a.status.name());
        }
        Set<String> done = doneSteps(List.of(a.id)).getOrDefault(a.id, Set.of());
        // A required step the specialist skipped for the client is not required of them.
        List<String> missing = AdaptationService.of(a).forClient(module(a)).steps().stream().filter(Step::required).map(Step::key)
                .filter(k -> !done.contains(k)).toList();
        if (!missing.isEmpty()) {
            throw ApiException.conflict("steps-missing", "rehab.submit.steps-missing", String.join(", ", missing));
        }
        a.status = AssignmentStatus.SUBMITTED;
        a.submittedAt = Instant.now();
        a.lastActivityAt = a.submittedAt;
        return a;
    }

    /** For each assignment, the keys of its steps that are done. One query for all of them. */
    public Map<Long, Set<String>> doneSteps(Collection<Long> assignmentIds) {
        Map<Long, Set<String>> done = new HashMap<>();
        if (assignmentIds.isEmpty()) {
            return done;
        }
        // Only the keys: the answers themselves (JSON text) are not read or made into entities.
        IdList in = IdList.of(assignmentIds, 1);
        in.bind(StepAnswer.getEntityManager().createQuery("select s.assignmentId, s.stepKey from StepAnswer s"
                        + " where " + in.in("s.assignmentId") + " and s.done = true", Object[].class)).getResultList()
                .forEach(r -> done.computeIfAbsent((Long) r[0], k -> new HashSet<>()).add((String) r[1]));
        return done;
    }

    public JsonNode json(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored answer is not JSON", e);
        }
    }

    private Module module(Assignment a) {
        return catalog.find(a.moduleSlug, a.moduleVersion)
                .orElseThrow(() -> new IllegalStateException("Module " + a.moduleSlug + " v" + a.moduleVersion + " is missing"));
    }

    private static void recordScore(Assignment a, QuestionnaireStep q, JsonNode normal, boolean done, Instant now) {
        QuestionnaireResult result = QuestionnaireResult.findById(new StepAnswer.Key(a.id, q.key()));
        if (!done) {
            if (result != null) {
                result.delete();
            }
            return;
        }
        Map<String, Integer> values = new HashMap<>();
        normal.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asInt()));
        boolean isNew = result == null;
        if (isNew) {
            result = new QuestionnaireResult();
            result.assignmentId = a.id;
            result.stepKey = q.key();
            result.clientId = a.clientId;
        }
        result.instrument = q.instrument();
        result.score = q.score(values);
        result.maxScore = q.maxScore();
        result.higherIsBetter = q.scoring().higherIsBetter();
        result.recordedAt = now;
        if (isNew) {
            result.persist();
        }
    }
}
