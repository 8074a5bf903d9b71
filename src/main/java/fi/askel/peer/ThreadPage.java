package fi.askel.peer;

import fi.askel.common.ApiException;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.identity.Caller;
import fi.askel.peer.PeerViews.PostView;
import fi.askel.peer.PeerViews.ThreadDetailView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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
import java.util.Map;

/** A thread: its posts a page at a time (opening at the first unread), the reply form, and moderators' lock and pin. */
@Path("/threads/{id}")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ThreadPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance thread(PageContext page, ThreadDetailView thread, PostView replyTo, String body,
                Map<String, String> errors, boolean crisis, String flash);
    }

    private final ThreadService threads;
    private final PostService posts;
    private final Pages pages;
    private final SecurityIdentity identity;

    public ThreadPage(ThreadService threads, PostService posts, Pages pages, SecurityIdentity identity) {
        this.threads = threads;
        this.posts = posts;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Transactional
    public TemplateInstance thread(@PathParam("id") long id, @QueryParam("page") Integer page, @QueryParam("post") Long post,
            @QueryParam("replyTo") Long replyTo, @QueryParam("crisis") String crisis, @QueryParam("done") String done) {
        ThreadDetailView thread = threads.get(caller(), id, page, post);
        return Templates.thread(pages.context(), thread, replyTarget(thread, replyTo), "", Map.of(), crisis != null,
                done == null ? null : pages.t("peer.flash." + ("reported".equals(done) ? "reported" : "saved")));
    }

    @POST
    @Path("/posts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reply(@PathParam("id") long id, @FormParam("body") String body, @FormParam("replyTo") Long replyTo) {
        try {
            PostView post = posts.reply(caller(), id, body, replyTo);
            String crisis = post.crisisHelp() != null ? "&crisis=1" : "";
            return Response.seeOther(URI.create("/threads/" + id + "?post=" + post.id() + crisis + "#post-" + post.id())).build();
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            ThreadDetailView thread = threads.get(caller(), id, null, null);
            return Response.status(e.status()).entity(Templates.thread(pages.context(), thread,
                    replyTarget(thread, replyTo), body, PeerForms.errors(e, pages), false, null)).build();
        }
    }

    /** lock, unlock, pin or unpin. */
    @POST
    @Path("/moderate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response moderate(@PathParam("id") long id, @FormParam("action") String action) {
        Boolean lock = "lock".equals(action) ? Boolean.TRUE : "unlock".equals(action) ? Boolean.FALSE : null;
        Boolean pin = "pin".equals(action) ? Boolean.TRUE : "unpin".equals(action) ? Boolean.FALSE : null;
        if (lock == null && pin == null) {
            throw ApiException.invalid("action", "error.bad-request");
        }
        threads.moderate(caller(), id, lock, pin);
        return Response.seeOther(URI.create("/threads/" + id + "?done=1")).build();
    }

    private static PostView replyTarget(ThreadDetailView thread, Long replyTo) {
        return replyTo == null ? null
                : thread.posts().items().stream().filter(p -> p.id().equals(replyTo) && p.canReply()).findFirst().orElse(null);
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
