package fi.askel.rehab.adaptation;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.content.Module;
import fi.askel.content.ModuleService;
import fi.askel.content.ModuleViews.StepView;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.rehab.Assignment;
import fi.askel.rehab.AssignmentService;
import fi.askel.rehab.RehabAccess;
import fi.askel.rehab.StepAnswer;
import fi.askel.rehab.adaptation.Adaptation.Dose;
import fi.askel.rehab.adaptation.Adaptation.StepChange;
import fi.askel.rehab.adaptation.AdaptationService.AdaptationRequest;
import fi.askel.rehab.adaptation.AdaptationService.AdaptationView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Adapt for this client": the specialist skips steps, sets an exercise's dose and writes personal notes for one
 * client's assignment, between two sessions. Works without JavaScript; a refused form comes back with what was typed
 * and each problem at its field. The form's field names are the API's ({@code steps.<key>.dose.sets}, …).
 */
@Path("/assignments")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.SPECIALIST_NAME, Role.ADMIN_NAME})
public class AdaptationPage {

    static final List<String> DOSE_PARTS = List.of("sets", "reps", "minutes", "daysPerWeek");

    /** The assignment being adapted and whose it is. */
    @TemplateData
    public record Subject(Long assignmentId, Long clientId, String clientName, String moduleTitle, String status,
            String changedBy, Instant changedAt) {}

    /** One step of the module as the author wrote it, with what the client has done of it. */
    @TemplateData
    public record StepRow(String key, int number, String title, String typeLabel, boolean required, boolean exercise,
            String moduleDose, boolean answered) {

        /** The form field (and API field) of a part of this step's adaptation. */
        public String field(String part) {
            return path() + "." + part;
        }

        public String doseField(String part) {
            return field("dose." + part);
        }

        /** Where a problem with the step as a whole is reported. */
        public String path() {
            return "steps." + key;
        }
    }

    /** What the form shows: the saved adaptation, or what was typed into a refused form and what was wrong. */
    @TemplateData
    public record Input(Map<String, String> values, Map<String, String> errors) {

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public boolean checked(String field) {
            return "true".equals(values.get(field));
        }

        public String error(String field) {
            return errors.get(field);
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edit(PageContext page, Subject subject, List<StepRow> steps, List<String> doseParts,
                Input input, boolean saved);
    }

    private final AdaptationService adaptations;
    private final AssignmentService assignments;
    private final RehabAccess access;
    private final ModuleService modules;
    private final Pages pages;
    private final SecurityIdentity identity;

    public AdaptationPage(AdaptationService adaptations, AssignmentService assignments, RehabAccess access,
            ModuleService modules, Pages pages, SecurityIdentity identity) {
        this.adaptations = adaptations;
        this.assignments = assignments;
        this.access = access;
        this.modules = modules;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Transactional
    @Path("/{id}/adaptation")
    public TemplateInstance edit(@PathParam("id") long id, @QueryParam("saved") String saved) {
        AdaptationView view = adaptations.get(caller(), id);
        return render(id, new Input(values(view), Map.of()), saved != null);
    }

    @POST
    @Path("/{id}/adaptation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        Map<String, String> typed = new HashMap<>();
        form.forEach((k, v) -> {
            if (!v.isEmpty() && (k.equals("note") || k.startsWith("steps."))) {
                typed.put(k, v.get(0));
            }
        });
        try {
            adaptations.put(caller(), id, request(typed));
            return Response.seeOther(URI.create("/assignments/" + id + "/adaptation?saved=1")).build();
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            if (e.fieldErrors().isEmpty()) {
                errors.put("form", pages.t(e.messageKey(), e.args()));
            }
            e.fieldErrors().forEach(f -> errors.putIfAbsent(f.field(), pages.t(f.messageKey(), f.args())));
            return Response.status(e.status()).entity(render(id, new Input(typed, errors), false)).build();
        }
    }

    /** The form as the API's request; amounts that are no whole numbers are refused here, each at its field. */
    private static AdaptationRequest request(Map<String, String> typed) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> keys = typed.keySet().stream().filter(k -> k.startsWith("steps."))
                .map(k -> k.substring(6, k.indexOf('.', 6) < 0 ? k.length() : k.indexOf('.', 6))).collect(Collectors.toSet());
        Map<String, StepChange> steps = new LinkedHashMap<>();
        for (String key : keys) {
            String base = "steps." + key + ".";
            Integer[] amounts = new Integer[DOSE_PARTS.size()];
            for (int i = 0; i < amounts.length; i++) {
                String field = base + "dose." + DOSE_PARTS.get(i);
                String text = typed.getOrDefault(field, "").strip();
                if (!text.isEmpty()) {
                    if (!text.matches("\\d{1,6}")) {
                        errors.add(new FieldError(field, "adapt.dose.number"));
                    } else {
                        amounts[i] = Integer.valueOf(text);
                    }
                }
            }
            steps.put(key, new StepChange("true".equals(typed.get(base + "skipped")),
                    new Dose(amounts[0], amounts[1], amounts[2], amounts[3]), typed.get(base + "note")));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new AdaptationRequest(steps, typed.get("note"));
    }

    /** The saved adaptation as form values. */
    private static Map<String, String> values(AdaptationView view) {
        Map<String, String> values = new HashMap<>();
        if (view.note() != null) {
            values.put("note", view.note());
        }
        view.steps().forEach((key, c) -> {
            String base = "steps." + key + ".";
            if (c.skipped()) {
                values.put(base + "skipped", "true");
            }
            if (c.note() != null) {
                values.put(base + "note", c.note());
            }
            if (c.dose() != null) {
                Integer[] amounts = {c.dose().sets(), c.dose().reps(), c.dose().minutes(), c.dose().daysPerWeek()};
                for (int i = 0; i < amounts.length; i++) {
                    if (amounts[i] != null) {
                        values.put(base + "dose." + DOSE_PARTS.get(i), String.valueOf(amounts[i]));
                    }
                }
            }
        });
        return values;
    }

    @Transactional // also when a refused form is shown again: its action's transaction has ended
    TemplateInstance render(long id, Input input, boolean saved) {
        Caller caller = caller();
        Assignment a = adaptations.requireForStaff(caller, id);
        String lang = pages.lang();
        Module module = assignments.module(a);
        Adaptation adaptation = AdaptationService.of(a);
        Set<String> answered = Set.copyOf(StepAnswer.getEntityManager()
                .createQuery("select s.stepKey from StepAnswer s where s.assignmentId = ?1", String.class)
                .setParameter(1, a.id).getResultList());
        List<StepView> views = modules.view(module, lang).steps();
        List<StepRow> rows = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            StepView s = views.get(i);
            rows.add(new StepRow(s.key(), i + 1, s.title(), s.typeLabel(), s.required(), s.dose() != null,
                    s.dose() == null ? null : s.dose().text(), answered.contains(s.key())));
        }
        String by = adaptation.changedBy() == null ? null : User.displayNames(List.of(adaptation.changedBy()), caller).get(adaptation.changedBy());
        Subject subject = new Subject(a.id, a.clientId, access.requireClient(caller, a.clientId).displayName,
                module.title().get(lang), a.status.name(), by, adaptation.changedAt());
        return Templates.edit(pages.context(), subject, rows, DOSE_PARTS, input, saved);
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
