package fi.askel.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/**
 * Broker identities linked to a client account (README, "Signing in through an identification
 * broker"). 404 for accounts the caller may not see, 409 for staff accounts and for an identity
 * already linked to someone.
 */
@Path("/api/v1/users/{id}/external-identities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.SPECIALIST_NAME})
@Transactional
public class ExternalIdentityResource {

    private final ExternalIdentityService links;
    private final SecurityIdentity identity;

    public ExternalIdentityResource(ExternalIdentityService links, SecurityIdentity identity) {
        this.links = links;
        this.identity = identity;
    }

    @GET
    public List<ExternalIdentityView> list(@PathParam("id") long id) {
        return links.list(caller(), id).stream().map(ExternalIdentityView::from).toList();
    }

    @POST
    public Response link(@PathParam("id") long id, LinkIdentityRequest body) {
        ExternalIdentity link = links.link(caller(), id, body);
        return Response.created(URI.create("/api/v1/users/" + id + "/external-identities/" + link.id))
                .entity(ExternalIdentityView.from(link)).build();
    }

    @DELETE
    @Path("/{linkId}")
    public Response unlink(@PathParam("id") long id, @PathParam("linkId") long linkId) {
        links.unlink(caller(), id, linkId);
        return Response.noContent().build();
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
