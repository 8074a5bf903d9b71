package fi.askel.peer;

import fi.askel.identity.Caller;
import fi.askel.peer.PeerRequests.EditPostRequest;
import fi.askel.peer.PeerRequests.HideRequest;
import fi.askel.peer.PeerRequests.ReportRequest;
import fi.askel.peer.PeerViews.PostView;
import fi.askel.peer.PeerViews.RevisionView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.transaction.Transactional;
import java.util.List;

/** One post: its author edits (within the edit window) or removes it; members report it; moderators hide it. */
@Path("/api/v1/posts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Transactional
public class PostResource {

    private final PostService posts;
    private final ModerationService moderation;
    private final SecurityIdentity identity;

    public PostResource(PostService posts, ModerationService moderation, SecurityIdentity identity) {
        this.posts = posts;
        this.moderation = moderation;
        this.identity = identity;
    }

    @PUT
    @Path("/{id}")
    public PostView edit(@PathParam("id") long id, EditPostRequest body) {
        return posts.edit(caller(), id, body == null ? null : body.body());
    }

    /** Leaves "removed by author" in the thread. */
    @DELETE
    @Path("/{id}")
    public PostView delete(@PathParam("id") long id) {
        return posts.delete(caller(), id);
    }

    /** {reason}: goes to the group's specialists. */
    @POST
    @Path("/{id}/report")
    public Response report(@PathParam("id") long id, ReportRequest body) {
        moderation.report(caller(), id, body == null ? null : body.reason());
        return Response.accepted().build();
    }

    /** {reason?}: hides the post from the group; the author sees it with the reason. */
    @POST
    @Path("/{id}/hide")
    public PostView hide(@PathParam("id") long id, HideRequest body) {
        return moderation.hide(caller(), id, body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/unhide")
    public PostView unhide(@PathParam("id") long id) {
        return moderation.unhide(caller(), id);
    }

    /** Earlier texts of an edited or removed post, for the group's moderators. */
    @GET
    @Path("/{id}/revisions")
    public List<RevisionView> revisions(@PathParam("id") long id) {
        return posts.revisions(caller(), id);
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
