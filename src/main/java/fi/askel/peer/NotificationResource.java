package fi.askel.peer;

import fi.askel.common.web.Pages;
import fi.askel.identity.Caller;
import fi.askel.peer.PeerViews.NotificationView;
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
import java.util.List;

/** The caller's peer group notifications (the latest 50), in the request's language. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Transactional
public class NotificationResource {

    private final NotificationService notifications;
    private final SecurityIdentity identity;
    private final Pages pages;

    public NotificationResource(NotificationService notifications, SecurityIdentity identity, Pages pages) {
        this.notifications = notifications;
        this.identity = identity;
        this.pages = pages;
    }

    @GET
    public List<NotificationView> list(@QueryParam("unread") @DefaultValue("false") boolean unreadOnly) {
        return notifications.list(caller(), unreadOnly, pages.lang());
    }

    @POST
    @Path("/{id}/read")
    public Response read(@PathParam("id") long id) {
        notifications.markRead(caller(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/read-all")
    public Response readAll() {
        notifications.markAllRead(caller());
        return Response.noContent().build();
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
