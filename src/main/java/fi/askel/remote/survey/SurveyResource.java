package fi.askel.remote.survey;

import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.remote.survey.SurveyViews.SaveSurveyRequest;
import fi.askel.remote.survey.SurveyViews.SurveyView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.transaction.Transactional;
import java.util.List;

/** The client's own experience surveys: read, answer or change, and "not now". */
@Path("/api/v1/me/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.CLIENT_NAME)
@Transactional
public class SurveyResource {

    private final SurveyService surveys;
    private final SecurityIdentity identity;

    public SurveyResource(SurveyService surveys, SecurityIdentity identity) {
        this.surveys = surveys;
        this.identity = identity;
    }

    /** The surveys due now (as on the dashboard). */
    @GET
    public List<SurveyView> due() {
        return surveys.due(caller());
    }

    @GET
    @Path("/{periodId}/{phase}")
    public SurveyView get(@PathParam("periodId") long periodId, @PathParam("phase") String phase) {
        return surveys.get(caller(), periodId, SurveyService.phase(phase));
    }

    /** Answers or changes {scores:{WORKS_FOR_ME..GUIDANCE_SUPPORT: 1–5}, technical, problems[], freeText?}. */
    @PUT
    @Path("/{periodId}/{phase}")
    public SurveyView save(@PathParam("periodId") long periodId, @PathParam("phase") String phase, SaveSurveyRequest body) {
        return surveys.save(caller(), periodId, SurveyService.phase(phase), body);
    }

    /** "Not now": the dashboard stops asking for a week. */
    @POST
    @Path("/{periodId}/{phase}/later")
    public SurveyView later(@PathParam("periodId") long periodId, @PathParam("phase") String phase) {
        return surveys.later(caller(), periodId, SurveyService.phase(phase));
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
