package fi.askel.rehab;

import fi.askel.common.ApiException;
import fi.askel.identity.Caller;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import java.util.List;

@Path("/api/v1/periods")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Transactional
public class PeriodResource {

    public record AddSpecialistRequest(Long userId) {}

    private final PeriodService periods;
    private final SecurityIdentity identity;

    public PeriodResource(PeriodService periods, SecurityIdentity identity) {
        this.periods = periods;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({"SPECIALIST", "ADMIN"})
    public Response create(PeriodService.CreatePeriodRequest body) {
        if (body == null) {
            throw ApiException.invalid("body", "error.body.required");
        }
        Period p = periods.create(caller(), body);
        return Response.created(URI.create("/api/v1/periods/" + p.id)).entity(PeriodView.from(p)).build();
    }

    /** A client's periods; a client sees their own without naming themselves, staff name the client. */
    @GET
    public List<PeriodView> list(@QueryParam("clientId") Long clientId) {
        Caller caller = caller();
        if (clientId == null && caller.isStaff()) {
            throw ApiException.invalid("clientId", "rehab.period.client-invalid");
        }
        return periods.list(caller, clientId == null ? caller.id() : clientId).stream().map(PeriodView::from).toList();
    }

    @GET
    @Path("/{id}")
    public PeriodView get(@PathParam("id") long id) {
        return PeriodView.from(periods.find(caller(), id));
    }

    @POST
    @Path("/{id}/specialists")
    @RolesAllowed({"SPECIALIST", "ADMIN"})
    public PeriodView addSpecialist(@PathParam("id") long id, AddSpecialistRequest body) {
        return PeriodView.from(periods.addSpecialist(caller(), id, body == null ? null : body.userId()));
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
