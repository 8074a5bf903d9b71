package fi.askel.peer;

import fi.askel.identity.Caller;
import fi.askel.peer.PeerRequests.CreatePostRequest;
import fi.askel.peer.PeerViews.PostView;
import fi.askel.peer.PeerViews.ThreadDetailView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
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

/** A thread with a page of its posts (oldest first), replying, and the moderators' lock and pin. */
@Path("/api/v1/threads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Transactional
public class ThreadResource {

    private final ThreadService threads;
    private final PostService posts;
    private final SecurityIdentity identity;

    public ThreadResource(ThreadService threads, PostService posts, SecurityIdentity identity) {
        this.threads = threads;
        this.posts = posts;
        this.identity = identity;
    }

    /** {@code ?page=} (from 0), or {@code ?post=} for the page holding that post. Marks the shown posts read. */
    @GET
    @Path("/{id}")
    public ThreadDetailView get(@PathParam("id") long id, @QueryParam("page") Integer page, @QueryParam("post") Long post) {
        return threads.get(caller(), id, page == null ? 0 : page, post);
    }

    /** {body, replyTo?}; a post that sounds like a crisis comes back with crisisHelp for its author. */
    @POST
    @Path("/{id}/posts")
    public Response reply(@PathParam("id") long id, CreatePostRequest body) {
        PostView post = posts.reply(caller(), id, body == null ? null : body.body(), body == null ? null : body.replyTo());
        return Response.created(URI.create("/api/v1/posts/" + post.id())).entity(post).build();
    }

    @POST
    @Path("/{id}/lock")
    public ThreadDetailView lock(@PathParam("id") long id) {
        return threads.moderate(caller(), id, true, null);
    }

    @POST
    @Path("/{id}/unlock")
    public ThreadDetailView unlock(@PathParam("id") long id) {
        return threads.moderate(caller(), id, false, null);
    }

    @POST
    @Path("/{id}/pin")
    public ThreadDetailView pin(@PathParam("id") long id) {
        return threads.moderate(caller(), id, null, true);
    }

    @POST
    @Path("/{id}/unpin")
    public ThreadDetailView unpin(@PathParam("id") long id) {
        return threads.moderate(caller(), id, null, false);
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
