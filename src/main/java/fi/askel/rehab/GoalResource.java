package fi.askel.rehab;

import fi.askel.common.ApiException;
import fi.askel.identity.Caller;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.List;

/** GAS goals and ratings (DESIGN.md contract), and the T-score by phase. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Transactional
public class GoalResource {

    private final GoalService goals;
    private final SecurityIdentity identity;

    public GoalResource(GoalService goals, SecurityIdentity identity) {
        this.goals = goals;
        this.identity = identity;
    }

    @POST
    @Path("/clients/{clientId}/goals")
    public Response create(@PathParam("clientId") long clientId, GoalService.CreateGoalRequest body) {
        if (body == null) {
            throw ApiException.invalid("body", "error.body.required");
        }
        GasGoal g = goals.create(caller(), clientId, body);
        return Response.created(URI.create("/api/v1/clients/" + clientId + "/goals/" + g.id))
                .entity(GoalService.view(g, List.of())).build();
    }

    @GET
    @Path("/clients/{clientId}/goals")
    public List<GoalService.GoalView> list(@PathParam("clientId") long clientId) {
        return goals.goals(caller(), clientId);
    }

    @POST
    @Path("/goals/{id}/ratings")
    public GoalService.GoalView rate(@PathParam("id") long id, GoalService.RatingRequest body) {
        if (body == null) {
            throw ApiException.invalid("body", "error.body.required");
        }
        GasGoal g = goals.rate(caller(), id, body);
        return goals.goals(caller(), g.clientId).stream().filter(v -> v.id().equals(g.id)).findFirst().orElseThrow();
    }

    @GET
    @Path("/clients/{clientId}/gas")
    public GoalService.GasView gas(@PathParam("clientId") long clientId) {
        return goals.gas(caller(), clientId);
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
