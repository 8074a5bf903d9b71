package fi.askel.remote.survey;

import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.transaction.Transactional;
import java.util.List;

/** A client's answers for their specialists (free texts included) and admins (without). */
@Path("/api/v1/clients/{clientId}/surveys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.SPECIALIST_NAME, Role.ADMIN_NAME})
@Transactional
public class StaffSurveyResource {

    private final SurveyService surveys;
    private final SecurityIdentity identity;

    public StaffSurveyResource(SurveyService surveys, SecurityIdentity identity) {
        this.surveys = surveys;
        this.identity = identity;
    }

    @GET
    public List<SurveyViews.AnswerView> list(@PathParam("clientId") long clientId) {
        return surveys.forClient(identity.getAttribute(Caller.ATTRIBUTE), clientId);
    }
}
