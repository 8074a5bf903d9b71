package fi.askel.rehab.adaptation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.common.db.IdList;
import fi.askel.content.Module;
import fi.askel.content.steps.ExerciseStep;
import fi.askel.content.steps.Step;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.privacy.AccessKind;
import fi.askel.privacy.AccessLog;
import fi.askel.rehab.Assignment;
import fi.askel.rehab.AssignmentService;
import fi.askel.rehab.RehabAccess;
import fi.askel.rehab.adaptation.Adaptation.Dose;
import fi.askel.rehab.adaptation.Adaptation.StepChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adapting an assigned module for its client (staff who follow the client; anyone else, the client included, gets
 * 404), and reading adaptations with their assignments without a query per assignment.
 */
@ApplicationScoped
public class AdaptationService {

    public static final int MAX_NOTE = 2000;
    public static final int MAX_STEP_NOTE = 1000;

    /** The request and the view: the whole adaptation (a PUT replaces it); {@code changedBy} is a name. */
    public record AdaptationRequest(Map<String, StepChange> steps, String note) {}

    public record AdaptationView(Long assignmentId, Map<String, StepChange> steps, String note, String changedBy,
            Instant changedAt) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RehabAccess access;
    private final AssignmentService assignments;
    private final AccessLog accessLog;

    public AdaptationService(RehabAccess access, AssignmentService assignments, AccessLog accessLog) {
        this.access = access;
        this.assignments = assignments;
        this.accessLog = accessLog;
    }

    /** The assignment for staff who follow its client; 404 for anyone else. */
    public Assignment requireForStaff(Caller caller, Long id) {
        if (caller.role() == Role.CLIENT) {
            throw ApiException.notFound("assignment");
        }
        return access.requireAssignment(caller, id);
    }

    public AdaptationView get(Caller caller, Long id) {
        Assignment a = requireForStaff(caller, id);
        accessLog.record(caller, a.clientId, AccessKind.ASSIGNMENTS_READ);
        return view(a);
    }

    /** Replaces the adaptation; refused whole (400 naming each field) when any part is wrong. */
    @Transactional
    public AdaptationView put(Caller caller, Long id, AdaptationRequest body) {
        Assignment a = requireForStaff(caller, id);
        Module module = assignments.module(a);
        List<FieldError> errors = new ArrayList<>();
        String note = text(body.note(), "note", MAX_NOTE, errors);
        Map<String, StepChange> given = body.steps() == null ? Map.of() : body.steps();
        Map<String, StepChange> changes = new LinkedHashMap<>();
        for (Map.Entry<String, StepChange> e : given.entrySet()) {
            if (module.step(e.getKey()).isEmpty()) {
                errors.add(new FieldError("steps." + e.getKey(), "adapt.step.unknown"));
            }
        }
        for (Step step : module.steps()) {
            StepChange c = given.get(step.key());
            if (c == null) {
                continue;
            }
            String field = "steps." + step.key();
            Dose dose = c.dose() == null || c.dose().isEmpty() ? null : c.dose();
            if (dose != null && !(step instanceof ExerciseStep)) {
                errors.add(new FieldError(field + ".dose", "adapt.dose.not-exercise"));
            } else if (dose != null) {
                amount(dose.sets(), field + ".dose.sets", ExerciseStep.MAX_SETS, errors);
                amount(dose.reps(), field + ".dose.reps", ExerciseStep.MAX_REPS, errors);
                amount(dose.minutes(), field + ".dose.minutes", ExerciseStep.MAX_MINUTES, errors);
                amount(dose.daysPerWeek(), field + ".dose.daysPerWeek", ExerciseStep.MAX_DAYS_PER_WEEK, errors);
            }
            String stepNote = text(c.note(), field + ".note", MAX_STEP_NOTE, errors);
            if (c.skipped() || dose != null || stepNote != null) {
                changes.put(step.key(), new StepChange(c.skipped(), dose, stepNote));
            }
        }
        if (!module.steps().isEmpty() && module.steps().stream().allMatch(s -> changes.containsKey(s.key()) && changes.get(s.key()).skipped())) {
            errors.add(new FieldError("steps", "adapt.skip.all"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        AssignmentAdaptation row = AssignmentAdaptation.findById(a.id);
        if (changes.isEmpty() && note == null) {
            if (row != null) {
                row.delete();
            }
            a.adaptation = Adaptation.NONE;
        } else {
            if (row == null) {
                row = new AssignmentAdaptation();
                row.assignmentId = a.id;
            }
            row.steps = write(changes);
            row.note = note;
            row.changedBy = caller.id();
            row.changedAt = Instant.now();
            if (!row.isPersistent()) {
                row.persist();
            }
            a.adaptation = parse(row);
        }
        accessLog.record(caller, a.clientId, AccessKind.ADAPTATION_CHANGED);
        return view(a);
    }

    private static AdaptationView view(Assignment a) {
        Adaptation ad = of(a);
        String by = ad.changedBy() == null ? null : User.displayNames(List.of(ad.changedBy()), null).get(ad.changedBy());
        return new AdaptationView(a.id, ad.steps(), ad.note(), by, ad.changedAt());
    }

    private static void amount(Integer value, String field, int max, List<FieldError> errors) {
        if (value != null && (value < 1 || value > max)) {
            errors.add(new FieldError(field, "answer.out-of-range", 1, max));
        }
    }

    private static String text(String value, String field, int max, List<FieldError> errors) {
        String text = value == null || value.isBlank() ? null : value.strip();
        if (text != null && text.length() > max) {
            errors.add(new FieldError(field, "answer.text.too-long", max));
        }
        return text;
    }

    // Reading adaptations with their assignments.

    /** The assignment's adaptation: as loaded with it (RehabAccess, the list finders), otherwise read now. */
    public static Adaptation of(Assignment a) {
        if (a.adaptation == null) {
            AssignmentAdaptation row = AssignmentAdaptation.findById(a.id);
            a.adaptation = row == null ? Adaptation.NONE : parse(row);
        }
        return a.adaptation;
    }

    /** The adaptations of many assignments: one query for those not loaded with them. */
    public static Map<Long, Adaptation> of(Collection<Assignment> list) {
        List<Long> missing = list.stream().filter(a -> a.adaptation == null).map(a -> a.id).toList();
        Map<Long, Adaptation> loaded = byAssignmentIds(missing);
        Map<Long, Adaptation> result = new HashMap<>();
        for (Assignment a : list) {
            if (a.adaptation == null) {
                a.adaptation = loaded.getOrDefault(a.id, Adaptation.NONE);
            }
            result.put(a.id, a.adaptation);
        }
        return result;
    }

    /** The adaptations of these assignments (absent: none), in one query. */
    public static Map<Long, Adaptation> byAssignmentIds(Collection<Long> ids) {
        Map<Long, Adaptation> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        IdList in = IdList.of(ids, 1);
        AssignmentAdaptation.<AssignmentAdaptation>list(in.in("assignmentId"), in.after())
                .forEach(r -> result.put(r.assignmentId, parse(r)));
        return result;
    }

    /** One assignment with its adaptation, in one query; null when there is no such assignment. */
    public static Assignment findWithAdaptation(Long id) {
        return findWithAdaptation(id, LockModeType.NONE);
    }

    /** As {@link #findWithAdaptation(Long)}; with {@code PESSIMISTIC_WRITE} the rows stay locked until the transaction ends. */
    public static Assignment findWithAdaptation(Long id, LockModeType lock) {
        List<Assignment> found = listWithAdaptations(lock, "a.id = ?1", id);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Assignments ({@code where} on alias {@code a}, with positional parameters) with their adaptations, in one query. */
    public static List<Assignment> listWithAdaptations(String where, Object... params) {
        return listWithAdaptations(LockModeType.NONE, where, params);
    }

    private static List<Assignment> listWithAdaptations(LockModeType lock, String where, Object... params) {
        return list(lock, false, where, params);
    }

    /**
     * As {@link #listWithAdaptations(String, Object...)}, with each assignment's done steps ({@link Assignment#doneSteps})
     * in the same statement: for the lists that show progress, which otherwise read them with a second query.
     */
    public static List<Assignment> listWithProgress(String where, Object... params) {
        return list(LockModeType.NONE, true, where, params);
    }

    private static List<Assignment> list(LockModeType lock, boolean withDone, String where, Object... params) {
        String done = withDone ? ", (select listagg(s.stepKey, ',') from StepAnswer s where s.assignmentId = a.id"
                + " and s.done = true)" : "";
        var query = Assignment.getEntityManager().createQuery("select a, ad" + done + " from Assignment a"
                + " left join AssignmentAdaptation ad on ad.assignmentId = a.id where " + where, Object[].class)
                .setLockMode(lock);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.getResultList().stream().map(r -> {
            Assignment a = (Assignment) r[0];
            a.adaptation = r[1] == null ? Adaptation.NONE : parse((AssignmentAdaptation) r[1]);
            if (withDone) {
                a.doneSteps = r[2] == null ? Set.of() : Set.copyOf(Arrays.asList(((String) r[2]).split(",")));
            }
            return a;
        }).toList();
    }

    static Adaptation parse(AssignmentAdaptation row) {
        try {
            Map<String, StepChange> steps = JSON.readValue(row.steps,
                    JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, StepChange.class));
            return new Adaptation(steps, row.note, row.changedBy, row.changedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The adaptation of assignment " + row.assignmentId + " is not JSON", e);
        }
    }

    private static String write(Map<String, StepChange> changes) {
        try {
            return JSON.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
