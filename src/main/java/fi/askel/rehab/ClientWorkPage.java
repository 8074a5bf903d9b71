package fi.askel.rehab;

import fi.askel.common.Dates;
import com.fasterxml.jackson.databind.JsonNode;
import fi.askel.common.ApiException;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.content.Module;
import fi.askel.content.ModuleService;
import fi.askel.content.ModuleViews.StepView;
import fi.askel.content.steps.DiaryStep;
import fi.askel.content.steps.LogEntries;
import fi.askel.content.steps.QuestionnaireStep;
import fi.askel.content.steps.Step;
import fi.askel.identity.Caller;
import fi.askel.rehab.AssignmentViews.AssignmentDetailView;
import fi.askel.rehab.adaptation.Adaptation;
import fi.askel.rehab.adaptation.AdaptationService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.HashMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The client doing an exercise: an overview, then one step per page with a progress bar. Every form
 * works without JavaScript; with it, drafts are saved as the client types (autosave.js).
 */
@Path("/assignments")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("CLIENT")
public class ClientWorkPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(PageContext page, AssignmentDetailView work, boolean canSubmit,
                String firstOpenStep, String message);
        static native TemplateInstance step(PageContext page, StepPage view);
    }

    private final AssignmentService assignments;
    private final AnswerStore answers;
    private final ModuleService modules;
    private final RehabAccess access;
    private final Pages pages;
    private final SecurityIdentity identity;
    private final CourseSoFar.Reader courseSoFar;

    public ClientWorkPage(AssignmentService assignments, AnswerStore answers, ModuleService modules, RehabAccess access,
            Pages pages, SecurityIdentity identity, CourseSoFar.Reader courseSoFar) {
        this.courseSoFar = courseSoFar;
        this.assignments = assignments;
        this.answers = answers;
        this.modules = modules;
        this.access = access;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Transactional
    @Path("/{id}")
    public TemplateInstance overview(@PathParam("id") long id, @QueryParam("sent") String sent) {
        return overviewPage(id, sent != null ? pages.t("work.sent") : null);
    }

    @POST
    @Path("/{id}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("id") long id) {
        try {
            answers.submit(caller(), id);
            return Response.seeOther(URI.create("/assignments/" + id + "?sent=1")).build();
        } catch (ApiException e) {
            if (e.status() != 409) {
                throw e;
            }
            return Response.status(409).entity(overviewPage(id, pages.t(e.messageKey(), e.args()))).build();
        }
    }

    @GET
    @Transactional
    @Path("/{id}/steps/{key}")
    public TemplateInstance step(@PathParam("id") long id, @PathParam("key") String key, @QueryParam("saved") String saved,
            @QueryParam("edit") String edit) {
        Assignment a = access.requireAssignment(caller(), id);
        JsonNode answer = savedAnswer(a, key);
        // A diary entry to correct (?edit=n) is shown in the entry fields; saving it replaces it.
        JsonNode entry = edit != null && edit.matches("\\d{1,4}") && answer != null ? answer.path("logs").get(Integer.parseInt(edit)) : null;
        Step definition = assignments.clientModule(a).step(key).orElse(null);
        String editKey = entry != null && definition instanceof DiaryStep d ? d.formKey(entry) : null;
        return Templates.step(pages.context(), stepPage(a, key, answer, Map.of(),
                saved != null ? pages.t("work.saved") : null, editKey == null ? null : entry, editKey));
    }

    /**
     * Saves the step. {@code action}: next (done, go on), draft (stay), back, add-log / remove-log
     * (exercise). With {@code X-Autosave} (from autosave.js) a draft is saved and 204 returned.
     */
    @POST
    @Path("/{id}/steps/{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional // one unit: the reads around the save, and the form shown again when it is refused (then rolled back)
    public Response save(@PathParam("id") long id, @PathParam("key") String key, @HeaderParam("X-Autosave") String autosave,
            MultivaluedMap<String, String> form) {
        Assignment a = access.lockAssignment(caller(), id); // before the saved answer is read: see RehabAccess
        Module module = assignments.clientModule(a);
        Step step = module.step(key).orElseThrow(() -> ApiException.notFound("step"));
        String action = autosave != null ? "draft" : form.getFirst("action");
        JsonNode answer = step.fromForm(form, savedAnswer(a, key));
        boolean done = "next".equals(action);
        if (step instanceof LogEntries.LogStep && !done) {
            // Adding or removing a log entry keeps the step as it was (done stays done).
            done = "add-log".equals(action) || form.containsKey("remove-log") ? isDone(a, key) : false;
        }
        try {
            answers.save(caller(), id, key, answer, done);
        } catch (ApiException e) {
            if (autosave != null || e.status() != 400) {
                throw e;
            }
            Map<String, String> errors = new HashMap<>();
            e.fieldErrors().forEach(f -> errors.putIfAbsent(f.field(), pages.t(f.messageKey(), f.args())));
            if (step instanceof DiaryStep) {
                // The saved entries stay in the table; the refused entry goes back into the fields, as typed.
                JsonNode typed = e.fieldErrors().stream().map(f -> f.field().replaceFirst("^answer\\.logs\\[(\\d+)\\].*", "$1"))
                        .filter(i -> i.matches("\\d+")).findFirst().map(i -> answer.path("logs").path(Integer.parseInt(i))).orElse(null);
                return Response.status(400).entity(Templates.step(pages.context(), stepPage(a, key, savedAnswer(a, key), errors, null,
                        typed, form.getFirst("edit-log")))).build();
            }
            return Response.status(400).entity(Templates.step(pages.context(),
                    stepPage(a, key, answer, errors, null, null, null))).build();
        }
        if (autosave != null) {
            return Response.noContent().build();
        }
        List<Step> steps = module.steps();
        int index = steps.indexOf(step);
        String target = switch (action == null ? "draft" : action) {
            case "next" -> index + 1 < steps.size() ? "/assignments/" + id + "/steps/" + steps.get(index + 1).key()
                    : "/assignments/" + id;
            case "back" -> index > 0 ? "/assignments/" + id + "/steps/" + steps.get(index - 1).key() : "/assignments/" + id;
            default -> "/assignments/" + id + "/steps/" + key + "?saved=1";
        };
        return Response.seeOther(URI.create(target)).build();
    }

    @Transactional // also after a refused submit, whose own transaction has ended
    TemplateInstance overviewPage(long id, String message) {
        AssignmentDetailView work = assignments.detail(caller(), id, pages.lang());
        boolean allRequired = work.steps().stream().filter(s -> s.required()).allMatch(s -> s.done());
        boolean canSubmit = allRequired && (work.assignment().status() == AssignmentStatus.IN_PROGRESS
                || work.assignment().status() == AssignmentStatus.NEEDS_WORK);
        String first = work.steps().stream().filter(s -> !s.done()).map(s -> s.key()).findFirst()
                .orElse(work.steps().isEmpty() ? null : work.steps().get(0).key());
        return Templates.overview(pages.context(), work, canSubmit, first, message);
    }

    private StepPage stepPage(Assignment a, String key, JsonNode answer, Map<String, String> errors, String message,
            JsonNode typedEntry, String editKey) {
        // The client's version of the module: skipped steps are not there (nor counted), doses as their specialist set them.
        Module module = assignments.clientModule(a);
        Step definition = module.step(key).orElseThrow(() -> ApiException.notFound("step"));
        Adaptation adaptation = AdaptationService.of(a);
        List<StepView> steps = modules.view(module, pages.lang()).steps();
        StepView step = steps.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> ApiException.notFound("step"));
        int index = steps.indexOf(step);
        var done = answers.doneSteps(List.of(a.id)).getOrDefault(a.id, java.util.Set.of());
        QuestionnaireResult result = QuestionnaireResult.findById(new StepAnswer.Key(a.id, key));
        String band = null;
        if (result != null && definition instanceof QuestionnaireStep q && q.band(result.score) != null) {
            band = q.band(result.score).label().get(pages.lang());
        }
        StepAnswer saved = StepAnswer.findById(new StepAnswer.Key(a.id, key));
        LocalDate opensOn = a.opensOn != null && a.opensOn.isAfter(Dates.today()) ? a.opensOn : null;
        return new StepPage(a.id, module.title().get(pages.lang()), a.status, a.status.isOpenForAnswers() && opensOn == null, step, index + 1,
                steps.size(), (int) steps.stream().filter(s -> done.contains(s.key())).count(), done.contains(key), saved == null ? 0 : saved.savedAt.toEpochMilli(), index > 0 ? steps.get(index - 1).key() : null,
                index + 1 < steps.size() ? steps.get(index + 1).key() : null,
                definition instanceof DiaryStep d ? d.form(answer, typedEntry, editKey) : definition.form(answer),
                definition.autosaves(), errors, message,
                result == null ? null : result.score, result == null ? null : result.maxScore, band,
                definition.showsCourseSoFar() ? courseSoFar.of(caller(), a, pages.lang()) : null, opensOn,
                adaptation.noteAt(key), adaptation.changesDose(key));
    }

    private JsonNode savedAnswer(Assignment a, String key) {
        StepAnswer saved = StepAnswer.findById(new StepAnswer.Key(a.id, key));
        return saved == null ? null : answers.json(saved.answer);
    }

    private boolean isDone(Assignment a, String key) {
        StepAnswer saved = StepAnswer.findById(new StepAnswer.Key(a.id, key));
        return saved != null && saved.done;
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
