package fi.askel.peer;

import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.peer.PeerViews.ReportView;
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
import java.util.List;

/** The moderation queue: open reports and distress alerts of the groups the caller moderates. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.SPECIALIST_NAME})
@Transactional
public class ReportResource {

    private final ModerationService moderation;
    private final SecurityIdentity identity;

    public ReportResource(ModerationService moderation, SecurityIdentity identity) {
        this.moderation = moderation;
        this.identity = identity;
    }

    /** Distress alerts first, then reports, oldest first; {@code ?groupId=} for one group. */
    @GET
    public List<ReportView> queue(@QueryParam("groupId") Long groupId) {
        return moderation.queue(caller(), groupId);
    }

    /** Closes a report without hiding the post. */
    @POST
    @Path("/{id}/dismiss")
    public Response dismiss(@PathParam("id") long id) {
        moderation.dismiss(caller(), id);
        return Response.noContent().build();
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
