package fi.askel.peer;

import fi.askel.identity.Caller;
import fi.askel.peer.PeerRequests.CreateThreadRequest;
import fi.askel.peer.PeerViews.PageOf;
import fi.askel.peer.PeerViews.ThreadDetailView;
import fi.askel.peer.PeerViews.ThreadView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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

/** The threads of a group: a page at a time, pinned first and then by newest activity; starting a thread. */
@Path("/api/v1/groups/{groupId}/threads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Transactional
public class GroupThreadResource {

    private final ThreadService threads;
    private final SecurityIdentity identity;

    public GroupThreadResource(ThreadService threads, SecurityIdentity identity) {
        this.threads = threads;
        this.identity = identity;
    }

    @GET
    public PageOf<ThreadView> list(@PathParam("groupId") long groupId, @QueryParam("page") @DefaultValue("0") int page) {
        return threads.list(caller(), groupId, page);
    }

    /** {title, body}: the body is the thread's first post. */
    @POST
    public Response create(@PathParam("groupId") long groupId, CreateThreadRequest body) {
        ThreadDetailView thread = threads.create(caller(), groupId, body);
        return Response.created(URI.create("/api/v1/threads/" + thread.id())).entity(thread).build();
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
