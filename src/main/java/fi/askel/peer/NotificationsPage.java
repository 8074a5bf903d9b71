package fi.askel.peer;

import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.identity.Caller;
import fi.askel.peer.PeerViews.NotificationView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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

/** The person's peer group notifications; opening one marks it read. */
@Path("/notifications")
@Produces(MediaType.TEXT_HTML)
@Authenticated
@Transactional
public class NotificationsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageContext page, List<NotificationView> notifications);
    }

    private final NotificationService notifications;
    private final Pages pages;
    private final SecurityIdentity identity;

    public NotificationsPage(NotificationService notifications, Pages pages, SecurityIdentity identity) {
        this.notifications = notifications;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(pages.context(), notifications.list(caller(), false, pages.lang()));
    }

    /** Marks the notification read and goes where it points. */
    @POST
    @Path("/{id}/open")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(@PathParam("id") long id) {
        return Response.seeOther(URI.create(notifications.markRead(caller(), id))).build();
    }

    @POST
    @Path("/read-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response readAll() {
        notifications.markAllRead(caller());
        return Response.seeOther(URI.create("/notifications")).build();
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
