package fi.askel.remote.suitability;

import fi.askel.identity.Caller;
import fi.askel.remote.suitability.SuitabilityViews.AssessRequest;
import fi.askel.remote.suitability.SuitabilityViews.SuitabilityView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * A period's suitability assessment: the responsible specialist records one (again to reassess); the client
 * reads their own, the specialists following the client and admins theirs.
 */
@Path("/api/v1/periods/{periodId}/suitability")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class SuitabilityResource {

    private final SuitabilityService service;
    private final SecurityIdentity identity;

    public SuitabilityResource(SuitabilityService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    /** Records an assessment; answers the period's state with it as the latest (201). */
    @POST
    @RolesAllowed("SPECIALIST")
    @Transactional
    public Response assess(@PathParam("periodId") long periodId, AssessRequest body) {
        Caller caller = caller();
        SuitabilityAssessment a = service.assess(caller, periodId, body);
        return Response.created(URI.create("/api/v1/periods/" + periodId + "/suitability"))
                .entity(service.view(caller, a.periodId)).build();
    }

    @GET
    @Transactional
    public SuitabilityView get(@PathParam("periodId") long periodId) {
        return service.view(caller(), periodId);
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
