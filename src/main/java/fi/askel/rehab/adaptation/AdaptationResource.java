package fi.askel.rehab.adaptation;

import fi.askel.common.ApiException;
import fi.askel.identity.Caller;
import fi.askel.rehab.adaptation.AdaptationService.AdaptationRequest;
import fi.askel.rehab.adaptation.AdaptationService.AdaptationView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The specialist's adaptation of an assignment for its client: {@code steps} keyed by step key, each
 * {@code {skipped, dose: {sets, reps, minutes, daysPerWeek}, note}}, and a {@code note} for the whole exercise. PUT
 * replaces the whole adaptation (an empty one: the module as it is). Staff who follow the client only: the client and
 * anyone else get 404, as for the client's overview. The client sees the adaptation in {@code GET /api/v1/assignments/{id}}.
 */
@Path("/api/v1/assignments/{id}/adaptation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Transactional
public class AdaptationResource {

    private final AdaptationService adaptations;
    private final SecurityIdentity identity;

    public AdaptationResource(AdaptationService adaptations, SecurityIdentity identity) {
        this.adaptations = adaptations;
        this.identity = identity;
    }

    @GET
    public AdaptationView get(@PathParam("id") long id) {
        return adaptations.get(caller(), id);
    }

    @PUT
    public AdaptationView put(@PathParam("id") long id, AdaptationRequest body) {
        if (body == null) {
            throw ApiException.invalid("body", "error.body.required");
        }
        return adaptations.put(caller(), id, body);
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
