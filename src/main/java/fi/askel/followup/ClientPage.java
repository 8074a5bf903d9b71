package fi.askel.followup;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.common.Messages;
import fi.askel.common.db.ReadOnlySession;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.content.ModuleCatalog;
import fi.askel.content.ModuleService;
import fi.askel.followup.Charts.ChartView;
import fi.askel.followup.ClientPageViews.AssignmentRow;
import fi.askel.followup.ClientPageViews.GoalRow;
import fi.askel.followup.ClientPageViews.ModuleChoice;
import fi.askel.followup.ClientPageViews.TextField;
import fi.askel.followup.ClientPageViews.PeriodRow;
import fi.askel.followup.FollowupViews.ClientOverview;
import fi.askel.followup.PeriodForm.SpecialistOption;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.privacy.AccessKind;
import fi.askel.privacy.ConsentKind;
import fi.askel.privacy.ConsentService;
import fi.askel.privacy.PrivacyViews.ConsentView;
import fi.askel.rehab.AssignmentService;
import fi.askel.rehab.GasGoal;
import fi.askel.rehab.GasRating;
import fi.askel.rehab.GoalService;
import fi.askel.rehab.PeriodService;
import fi.askel.rehab.RemoteWorkGate;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One client's page: how they are doing, their period, assignments and GAS goals, with the forms
 * to open a period, assign a programme of modules, and set and rate goals. Forms post back here and
 * redirect (303) on success; a refused form is shown again with what was typed and what was wrong.
 * Rooted at /clients like the list, so the two classes share one path prefix.
 */
@Path("/clients")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@RolesAllowed({Role.SPECIALIST_NAME, Role.ADMIN_NAME})
public class ClientPage {

    private static final Map<String, String> GOAL_FIELDS = Map.of("levels.-2", "level_m2", "levels.-1", "level_m1",
            "levels.0", "level_0", "levels.1", "level_p1", "levels.2", "level_p2");
    /** The section of the page each form belongs to, where its confirmation is shown. */
    private static final Map<String, String> SECTIONS = Map.of("period", "period", "programme", "assignments", "goal", "goals",
            "rating", "goals");
    private static final List<String> LEVEL_FIELDS = List.of("level_m2", "level_m1", "level_0", "level_p1", "level_p2");
    private static final Map<String, String> PROGRAMME_FIELDS = Map.of("moduleSlugs", "modules", "moduleSlug", "modules");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance client(PageContext page, Formats fmt, ClientOverview o, List<PeriodRow> periods,
                List<AssignmentRow> assignments, ChartView painChart, List<ChartView> questionnaireCharts, List<ChartView> diaryCharts,
                ChartView gasChart, List<GoalRow> goals,
                List<ModuleChoice> modules, List<String> serviceTypes, List<SpecialistOption> specialists,
                List<TextField> levelFields, FormState state, String saved, List<ConsentView> consents,
                List<MeasureComparison.MeasureLine> measures);
    }

    private final ClientOverviewService overviews;
    private final PeriodService periods;
    private final AssignmentService assignments;
    private final GoalService goals;
    private final ModuleService modules;
    private final Messages messages;
    private final ConsentService consents;
    private final Pages pages;
    private final SecurityIdentity identity;
    private final RemoteWorkGate remoteWork;
    private final DiaryFollowup diaries;
    private final ModuleCatalog catalog;

    public ClientPage(ClientOverviewService overviews, PeriodService periods, AssignmentService assignments,
            GoalService goals, ModuleService modules, Messages messages, ConsentService consents, Pages pages,
            SecurityIdentity identity, RemoteWorkGate remoteWork, DiaryFollowup diaries, ModuleCatalog catalog) {
        this.catalog = catalog;
        this.remoteWork = remoteWork;
        this.diaries = diaries;
        this.overviews = overviews;
        this.periods = periods;
        this.assignments = assignments;
        this.goals = goals;
        this.modules = modules;
        this.messages = messages;
        this.consents = consents;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Transactional
    @Path("/{id}")
    public TemplateInstance client(@PathParam("id") long id, @QueryParam("saved") String saved) {
        return render(id, FormState.none(), saved);
    }

    @POST
    @Path("/{id}/periods")
    public Response openPeriod(@PathParam("id") long id, @FormParam("serviceType") String serviceType,
            @FormParam("startsOn") String startsOn, @FormParam("endsOn") String endsOn,
            @FormParam("specialistIds") List<Long> specialistIds) {
        return handle(id, PeriodForm.NAME, PeriodForm.values(serviceType, startsOn, endsOn, specialistIds), Map.of(), "period",
                () -> periods.create(caller(), PeriodForm.request(id, serviceType, startsOn, endsOn, specialistIds)));
    }

    @POST
    @Path("/{id}/assignments")
    public Response assignProgramme(@PathParam("id") long id, @FormParam("modules") List<String> slugs,
            @FormParam("dueDate") String dueDate, @FormParam("note") String note) {
        Map<String, String> values = Map.of("modules", FormState.join(slugs), "dueDate", nullToEmpty(dueDate), "note", nullToEmpty(note));
        return handle(id, "programme", values, PROGRAMME_FIELDS, "programme", () -> {
            List<FieldError> errors = new ArrayList<>();
            var due = PeriodForm.date("dueDate", dueDate, errors);
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            List<String> chosen = slugs == null ? List.of() : slugs.stream().filter(slug -> !slug.isBlank()).toList();
            return assignments.assignProgramme(caller(), id, chosen, due, note);
        });
    }

    @POST
    @Path("/{id}/goals")
    public Response createGoal(@PathParam("id") long id, @FormParam("title") String title, @FormParam("weight") String weight,
            @FormParam("level_m2") String m2, @FormParam("level_m1") String m1, @FormParam("level_0") String zero,
            @FormParam("level_p1") String p1, @FormParam("level_p2") String p2) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", nullToEmpty(title));
        values.put("weight", nullToEmpty(weight));
        values.put("level_m2", nullToEmpty(m2));
        values.put("level_m1", nullToEmpty(m1));
        values.put("level_0", nullToEmpty(zero));
        values.put("level_p1", nullToEmpty(p1));
        values.put("level_p2", nullToEmpty(p2));
        Map<String, String> levels = Map.of("-2", values.get("level_m2"), "-1", values.get("level_m1"), "0", values.get("level_0"),
                "1", values.get("level_p1"), "2", values.get("level_p2"));
        return handle(id, "goal", values, GOAL_FIELDS, "goal",
                () -> goals.create(caller(), id, new GoalService.CreateGoalRequest(title, integer(weight), levels, null)));
    }

    @POST
    @Path("/{id}/goals/{goalId}/ratings")
    public Response rateGoal(@PathParam("id") long id, @PathParam("goalId") long goalId, @FormParam("phase") String phase,
            @FormParam("score") String score) {
        boolean ofThisClient = QuarkusTransaction.joiningExisting().call(() -> {
            GasGoal goal = GasGoal.findById(goalId);
            return goal != null && goal.clientId.equals(id);
        });
        if (!ofThisClient) {
            throw ApiException.notFound("goal");
        }
        GasRating.Phase parsed = Arrays.stream(GasRating.Phase.values()).filter(p -> p.name().equals(phase)).findFirst().orElse(null);
        return handle(id, "rating-" + goalId, Map.of("phase", nullToEmpty(phase), "score", nullToEmpty(score)), Map.of(), "rating",
                () -> goals.rate(caller(), goalId, new GoalService.RatingRequest(integer(score), parsed)));
    }

    /** Runs a form's action: 303 back to the page when it succeeds, the page with the form's errors when refused. */
    private Response handle(long clientId, String form, Map<String, String> values, Map<String, String> rename, String saved,
            Supplier<Object> action) {
        try {
            action.get();
            return Response.seeOther(URI.create("/clients/" + clientId + "?saved=" + saved + "#" + SECTIONS.get(saved))).build();
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).entity(render(clientId, FormState.rejected(form, values, e, pages, rename), null))
                    .build();
        }
    }

    @Transactional // also when a refused form is shown again: its action's transaction has ended
    TemplateInstance render(long id, FormState state, String saved) {
        ReadOnlySession.begin(); // the page changes no entity; its access event is SQL of its own
        Caller caller = caller();
        String lang = pages.lang();
        ClientOverviewService.Read read = overviews.read(caller, id, lang, AccessKind.OVERVIEW_READ);
        ClientOverview o = read.overview();
        Charts charts = new Charts(messages, lang);
        List<ConsentView> consentList = consents.consentsOf(o.id());
        List<PeriodRow> listed = ClientPageViews.periods(o.periods(), Signals.today(), caller);
        Map<Long, RemoteWorkGate.Status> suitability = remoteWork.statusOf(o.id(), listed.stream().map(PeriodRow::id).toList(),
                ConsentService.given(consentList, ConsentKind.REMOTE_REHAB));
        List<PeriodRow> periodRows = listed.stream().map(p -> p.with(suitability.get(p.id()))).toList();
        return Templates.client(pages.context(), new Formats(lang), o, periodRows,
                ClientPageViews.assignments(o.assignments(), messages, lang), charts.painEffort(o.painEffort()), charts.questionnaires(o.questionnaires()),
                new DiaryCharts(messages, lang).of(diaries.views(read.diary())), charts.gas(o.gas()),
                ClientPageViews.goals(o.gas().goals(), messages, lang, state),
                o.currentPeriod() == null ? List.of()
                        : ClientPageViews.moduleChoices(modules.list(lang, null), messages, lang, state, "programme"),
                PeriodForm.serviceTypes(), o.currentPeriod() == null ? PeriodForm.specialists(caller) : List.of(),
                ClientPageViews.textFields(LEVEL_FIELDS, "goal.field.", messages, lang, state, "goal"), state,
                saved != null && SECTIONS.containsKey(saved) ? saved : null, consentList,
                MeasureComparison.of(o.assignments(), read.results(), catalog, lang));
    }

    private static Integer integer(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
