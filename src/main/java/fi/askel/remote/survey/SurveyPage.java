package fi.askel.remote.survey;

import fi.askel.common.ApiException;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.followup.Formats;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.remote.survey.SurveyAnswer.Phase;
import fi.askel.remote.survey.SurveyAnswer.Problem;
import fi.askel.remote.survey.SurveyAnswer.Statement;
import fi.askel.remote.survey.SurveyAnswer.Technical;
import fi.askel.remote.survey.SurveyViews.AnswerView;
import fi.askel.remote.survey.SurveyViews.SaveSurveyRequest;
import fi.askel.remote.survey.SurveyViews.SurveyView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The client's survey form: answer or change, or "not now". Works without JavaScript. */
@Path("/surveys")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.CLIENT_NAME)
public class SurveyPage {

    /** The form as typed (or as answered before), so a refused form comes back as the client left it. */
    @TemplateData
    public record Form(Map<String, String> scores, String technical, List<String> problems, String freeText, boolean notYetOpen) {

        public Integer score(String statement) {
            String v = scores.get(statement);
            try {
                return v == null ? null : Integer.valueOf(v);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        public boolean hasProblem(String problem) {
            return problems.contains(problem);
        }

        static Form of(SurveyView s, LocalDate today) {
            AnswerView a = s.answer();
            boolean notYet = today.isBefore(s.opensOn());
            if (a == null) {
                return new Form(Map.of(), "", List.of(), "", notYet);
            }
            Map<String, String> scores = new HashMap<>();
            a.scores().forEach((k, v) -> scores.put(k.name(), String.valueOf(v)));
            return new Form(scores, a.technical().name(), a.problems().stream().map(Enum::name).toList(),
                    a.freeText() == null ? "" : a.freeText(), notYet);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance answer(PageContext page, Formats fmt, SurveyView s, Form form, Map<String, String> errors,
                boolean saved, List<String> statements, List<Integer> scale, List<String> technicals, List<String> problems);
    }

    private final SurveyService surveys;
    private final Pages pages;
    private final SecurityIdentity identity;

    public SurveyPage(SurveyService surveys, Pages pages, SecurityIdentity identity) {
        this.surveys = surveys;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Transactional
    @Path("/{periodId}/{phase}")
    public TemplateInstance answer(@PathParam("periodId") long periodId, @PathParam("phase") String phase,
            @QueryParam("saved") String saved) {
        SurveyView s = surveys.get(caller(), periodId, SurveyService.phase(phase));
        return render(s, Form.of(s, surveys.today()), Map.of(), saved != null);
    }

    @POST
    @Path("/{periodId}/{phase}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("periodId") long periodId, @PathParam("phase") String phase,
            @FormParam("WORKS_FOR_ME") String worksForMe, @FormParam("HELPS_REHAB") String helpsRehab,
            @FormParam("TRUST_COMPETENCE") String trustCompetence, @FormParam("TRUST_SECURITY") String trustSecurity,
            @FormParam("GUIDANCE_SUPPORT") String guidanceSupport, @FormParam("technical") String technical,
            @FormParam("problems") List<String> problems, @FormParam("freeText") String freeText) {
        Phase p = SurveyService.phase(phase);
        Map<String, String> typed = new HashMap<>();
        String[] values = {worksForMe, helpsRehab, trustCompetence, trustSecurity, guidanceSupport};
        for (Statement s : Statement.values()) {
            typed.put(s.name(), values[s.ordinal()] == null ? "" : values[s.ordinal()]);
        }
        List<String> chosen = problems == null ? List.of() : problems.stream().filter(x -> x != null && !x.isBlank()).toList();
        Form form = new Form(typed, technical == null ? "" : technical, chosen, freeText == null ? "" : freeText, false);
        try {
            surveys.save(caller(), periodId, p, request(form));
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            Map<String, String> errors = new HashMap<>();
            if (e.fieldErrors().isEmpty()) {
                errors.put("form", pages.t(e.messageKey(), e.args()));
            }
            e.fieldErrors().forEach(f -> errors.putIfAbsent(f.field(), pages.t(f.messageKey(), f.args())));
            SurveyView s = surveys.get(caller(), periodId, p);
            return Response.status(e.status()).entity(render(s, form, errors, false)).build();
        }
        return Response.seeOther(URI.create("/surveys/" + periodId + "/" + p + "?saved=1")).build();
    }

    @POST
    @Path("/{periodId}/{phase}/later")
    public Response later(@PathParam("periodId") long periodId, @PathParam("phase") String phase) {
        surveys.later(caller(), periodId, SurveyService.phase(phase));
        return Response.seeOther(URI.create("/")).build();
    }

    /** The typed form as a request; a value that is not one of the choices counts as not chosen. */
    private static SaveSurveyRequest request(Form form) {
        Map<Statement, Integer> scores = new EnumMap<>(Statement.class);
        for (Statement s : Statement.values()) {
            Integer v = form.score(s.name());
            if (v != null) {
                scores.put(s, v);
            }
        }
        Technical technical = Arrays.stream(Technical.values()).filter(t -> t.name().equals(form.technical())).findFirst().orElse(null);
        List<Problem> problems = new ArrayList<>();
        for (String name : form.problems()) {
            Arrays.stream(Problem.values()).filter(x -> x.name().equals(name)).findFirst().ifPresent(problems::add);
        }
        String text = form.freeText().isBlank() ? null : form.freeText();
        return new SaveSurveyRequest(scores, technical, problems, text);
    }

    @Transactional // also when a refused form is shown again: its action's transaction has ended
    TemplateInstance render(SurveyView s, Form form, Map<String, String> errors, boolean saved) {
        return Templates.answer(pages.context(), new Formats(pages.lang()), s, form, errors, saved,
                Arrays.stream(Statement.values()).map(Enum::name).toList(), List.of(1, 2, 3, 4, 5),
                Arrays.stream(Technical.values()).map(Enum::name).toList(),
                Arrays.stream(Problem.values()).map(Enum::name).collect(Collectors.toList()));
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
