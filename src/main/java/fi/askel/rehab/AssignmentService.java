package fi.askel.rehab;

import fi.askel.common.Dates;
import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.content.Module;
import fi.askel.content.ModuleCatalog;
import fi.askel.content.steps.Step;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.privacy.AccessKind;
import fi.askel.privacy.AccessLog;
import fi.askel.rehab.AssignmentViews.AssignmentDetailView;
import fi.askel.rehab.AssignmentViews.AssignmentView;
import fi.askel.rehab.AssignmentViews.CreateAssignmentRequest;
import fi.askel.rehab.AssignmentViews.ReviewView;
import fi.askel.rehab.AssignmentViews.StepProgress;
import fi.askel.rehab.adaptation.Adaptation;
import fi.askel.rehab.adaptation.AdaptationService;
import fi.askel.rehab.adaptation.AdaptationService.AdaptationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Giving modules to clients and showing where they are with them. */
@ApplicationScoped
public class AssignmentService {

    private final RehabAccess access;
    private final PeriodService periods;
    private final ModuleCatalog catalog;
    private final AnswerStore answers;
    private final AccessLog accessLog;
    private final RemoteWorkGate remoteWork;

    public AssignmentService(RehabAccess access, PeriodService periods, ModuleCatalog catalog, AnswerStore answers,
            AccessLog accessLog, RemoteWorkGate remoteWork) {
        this.accessLog = accessLog;
        this.remoteWork = remoteWork;
        this.access = access;
        this.periods = periods;
        this.catalog = catalog;
        this.answers = answers;
    }

    @Transactional
    public Assignment assign(Caller caller, CreateAssignmentRequest req) {
        if (caller.role() == Role.CLIENT) {
            throw ApiException.forbidden("rehab.assign.staff-only");
        }
        if (req.clientId() == null) {
            throw ApiException.invalid("clientId", "rehab.client.required");
        }
        access.requireStaffFor(caller, req.clientId());
        List<FieldError> errors = new ArrayList<>();
        Module module = req.moduleSlug() == null ? null : catalog.find(req.moduleSlug()).orElse(null);
        if (module == null) {
            errors.add(new FieldError("moduleSlug", "rehab.assign.module-unknown"));
        }
        LocalDate today = Dates.today();
        if (req.dueDate() != null && req.dueDate().isBefore(today)) {
            errors.add(new FieldError("dueDate", "rehab.assign.due-in-past"));
        }
        if (req.opensOn() != null && req.dueDate() != null && req.opensOn().isAfter(req.dueDate())) {
            errors.add(new FieldError("opensOn", "rehab.assign.opens-after-due"));
        }
        if (req.note() != null && req.note().length() > 2000) {
            errors.add(new FieldError("note", "answer.text.too-long", 2000));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Period period = periods.periodFor(caller, req.clientId(), req.periodId());
        remoteWork.requireRemoteWorkAllowed(period.id, period.clientId);
        Assignment a = new Assignment();
        a.clientId = req.clientId();
        a.periodId = period.id;
        a.moduleSlug = module.slug();
        a.moduleVersion = module.version();
        a.status = AssignmentStatus.ASSIGNED;
        a.opensOn = req.opensOn();
        a.dueOn = req.dueDate();
        a.note = req.note() == null || req.note().isBlank() ? null : req.note().trim();
        a.assignedBy = caller.id();
        a.createdAt = Instant.now();
        a.persist();
        accessLog.record(caller, a.clientId, AccessKind.ASSIGNMENT_CREATED);
        return a;
    }

    /** Several modules at once, all or none (a programme from the client's page). */
    @Transactional
    public List<Assignment> assignProgramme(Caller caller, Long clientId, List<String> slugs, LocalDate dueDate, String note) {
        if (slugs == null || slugs.isEmpty()) {
            throw ApiException.invalid("moduleSlugs", "rehab.assign.choose-modules");
        }
        return slugs.stream().distinct()
                .map(slug -> assign(caller, new CreateAssignmentRequest(clientId, slug, dueDate, null, note, null)))
                .toList();
    }

    public List<AssignmentView> list(Caller caller, Long clientId, String lang) {
        List<Assignment> list;
        if (clientId != null) {
            access.requireClient(caller, clientId);
            list = Assignment.listByClient(clientId);
        } else if (caller.role() == Role.CLIENT) {
            list = Assignment.listByClient(caller.id());
        } else {
            List<Long> followed = access.followedClientIds(caller);
            list = followed == null ? Assignment.list("order by createdAt desc") : Assignment.listByClients(followed);
        }
        accessLog.recordEach(caller, clientId != null ? List.of(clientId) : list.stream().map(a -> a.clientId).toList(), AccessKind.ASSIGNMENTS_READ);
        return views(list, lang);
    }

    /**
     * Views of many assignments with their progress: done steps as the list's query read them
     * ({@link Assignment#listByClient}), otherwise from one query for all of them.
     */
    public List<AssignmentView> views(List<Assignment> list, String lang) {
        Map<Long, Set<String>> done = answers.doneSteps(list.stream().filter(a -> a.doneSteps == null).map(a -> a.id).toList());
        list.stream().filter(a -> a.doneSteps != null).forEach(a -> done.put(a.id, a.doneSteps));
        Map<Long, Adaptation> adaptations = AdaptationService.of(list);
        return list.stream().map(a -> view(a, module(a), adaptations.get(a.id), done.getOrDefault(a.id, Set.of()), lang)).toList();
    }

    /**
     * One assignment with its steps and answers. The client gets the steps they do (skipped ones left out); staff get
     * every step, the skipped ones marked, with what the client may have answered before.
     */
    public AssignmentDetailView detail(Caller caller, Long id, String lang) {
        Assignment a = access.requireAssignment(caller, id);
        accessLog.record(caller, a.clientId, AccessKind.ANSWERS_READ);
        Module module = module(a);
        Adaptation adaptation = AdaptationService.of(a);
        boolean staff = caller.role() != Role.CLIENT;
        Map<String, StepAnswer> byStep = StepAnswer.listByAssignment(a.id).stream()
                .collect(Collectors.toMap(s -> s.stepKey, Function.identity()));
        List<StepProgress> steps = module.steps().stream().filter(step -> staff || !adaptation.skips(step.key())).map(step -> {
            StepAnswer answer = byStep.get(step.key());
            return new StepProgress(step.key(), step.type(), step.title().get(lang), step.required(),
                    answer != null && answer.done, answer == null ? null : answers.json(answer.answer),
                    answer == null ? null : answer.revision, answer == null ? null : answer.savedAt,
                    adaptation.skips(step.key()) ? Boolean.TRUE : null);
        }).toList();
        Set<String> done = steps.stream().filter(StepProgress::done).map(StepProgress::key).collect(Collectors.toSet());
        List<Review> reviews = Review.listByAssignment(a.id);
        Set<Long> people = reviews.stream().map(r -> r.reviewerId).collect(Collectors.toCollection(HashSet::new));
        if (adaptation.changedBy() != null) {
            people.add(adaptation.changedBy());
        }
        Map<Long, String> names = User.displayNames(people, caller);
        return new AssignmentDetailView(view(a, module, adaptation, done, lang), steps, reviews.stream()
                .map(r -> new ReviewView(r.decision, r.comment, names.get(r.reviewerId), r.createdAt)).toList(),
                adaptation.isEmpty() ? null : new AdaptationView(a.id, adaptation.steps(), adaptation.note(),
                        names.get(adaptation.changedBy()), adaptation.changedAt()));
    }

    /** The module version as its author wrote it (every step; staff see what the client's adaptation changes). */
    public Module module(Assignment a) {
        return catalog.find(a.moduleSlug, a.moduleVersion)
                .orElseThrow(() -> new IllegalStateException("Module " + a.moduleSlug + " v" + a.moduleVersion + " is missing"));
    }

    /** Progress counts the steps the client does: skipped steps are not part of it. */
    private static AssignmentView view(Assignment a, Module module, Adaptation adaptation, Set<String> done, String lang) {
        List<Step> steps = adaptation.forClient(module).steps();
        int total = steps.size();
        int count = (int) steps.stream().map(Step::key).filter(done::contains).count();
        return new AssignmentView(a.id, a.clientId, a.moduleSlug, a.moduleVersion, module.title().get(lang), a.status,
                a.opensOn, a.dueOn, a.note, a.createdAt, a.startedAt, a.submittedAt, a.reviewedAt, a.lastActivityAt,
                total, count, total == 0 ? 0 : Math.round(100f * count / total), a.periodId, a.measure, !adaptation.isEmpty());
    }

    /** The module as the client does it: the specialist's adaptation applied (skipped steps out, adapted doses). */
    public Module clientModule(Assignment a) {
        return AdaptationService.of(a).forClient(module(a));
    }
}
