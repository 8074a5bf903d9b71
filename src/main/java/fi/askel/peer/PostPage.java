package fi.askel.peer;

import fi.askel.common.ApiException;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.identity.Caller;
import fi.askel.peer.GroupAccess.PostAccess;
import fi.askel.peer.PeerViews.PostView;
import fi.askel.peer.PeerViews.RevisionView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Forms for one post: edit, remove, report, and the moderators' hide and unhide. */
@Path("/posts/{id}")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class PostPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edit(PageContext page, PostView post, String threadTitle, String body, String error);
        static native TemplateInstance report(PageContext page, PostView post, String threadTitle, String reason, String error);
        static native TemplateInstance hide(PageContext page, PostView post, String threadTitle, String reason, String error,
                List<RevisionView> revisions);
    }

    private final PostService posts;
    private final ModerationService moderation;
    private final GroupAccess access;
    private final PostViews views;
    private final Pages pages;
    private final SecurityIdentity identity;

    public PostPage(PostService posts, ModerationService moderation, GroupAccess access, PostViews views, Pages pages,
            SecurityIdentity identity) {
        this.posts = posts;
        this.moderation = moderation;
        this.access = access;
        this.views = views;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Path("/edit")
    @Transactional
    public TemplateInstance editForm(@PathParam("id") long id) {
        PostAccess pa = access.post(caller(), id);
        PostView post = views.one(pa.access(), pa.thread(), pa.post());
        return Templates.edit(pages.context(), post, load(id).title(), post.body() == null ? "" : post.body(),
                post.canEdit() ? null : pages.t("peer.post.edit-not-possible"));
    }

    @POST
    @Path("/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") long id, @FormParam("body") String body) {
        try {
            PostView post = posts.edit(caller(), id, body);
            String crisis = post.crisisHelp() != null ? "&crisis=1" : "";
            return Response.seeOther(URI.create("/threads/" + post.threadId() + "?post=" + id + crisis + "#post-" + id)).build();
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            Loaded l = load(id);
            return Response.status(e.status()).entity(Templates.edit(pages.context(), l.post(), l.title(), body,
                    PeerForms.errors(e, pages).values().iterator().next())).build();
        }
    }

    @POST
    @Path("/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id) {
        PostView post = posts.delete(caller(), id);
        return Response.seeOther(URI.create("/threads/" + post.threadId() + "?post=" + id + "#post-" + id)).build();
    }

    @GET
    @Transactional
    @Path("/report")
    public TemplateInstance reportForm(@PathParam("id") long id) {
        Loaded l = load(id);
        return Templates.report(pages.context(), l.post(), l.title(), "", null);
    }

    @POST
    @Path("/report")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response report(@PathParam("id") long id, @FormParam("reason") String reason) {
        try {
            moderation.report(caller(), id, reason);
            Loaded l = load(id);
            return Response.seeOther(URI.create("/threads/" + l.post().threadId() + "?post=" + id + "&done=reported#post-" + id))
                    .build();
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            Loaded l = load(id);
            return Response.status(e.status()).entity(Templates.report(pages.context(), l.post(), l.title(), reason,
                    PeerForms.errors(e, pages).values().iterator().next())).build();
        }
    }

    @GET
    @Transactional
    @Path("/hide")
    public TemplateInstance hideForm(@PathParam("id") long id) {
        Loaded l = load(id);
        return Templates.hide(pages.context(), l.post(), l.title(), "", null, posts.revisions(caller(), id));
    }

    @POST
    @Path("/hide")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response hide(@PathParam("id") long id, @FormParam("reason") String reason) {
        try {
            PostView post = moderation.hide(caller(), id, reason);
            return Response.seeOther(URI.create("/threads/" + post.threadId() + "?post=" + id + "#post-" + id)).build();
        } catch (ApiException e) {
            if (e.status() == 404 || e.status() == 403) {
                throw e;
            }
            Loaded l = load(id);
            return Response.status(e.status()).entity(Templates.hide(pages.context(), l.post(), l.title(), reason,
                    PeerForms.errors(e, pages).values().iterator().next(), posts.revisions(caller(), id))).build();
        }
    }

    @POST
    @Path("/unhide")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unhide(@PathParam("id") long id) {
        PostView post = moderation.unhide(caller(), id);
        return Response.seeOther(URI.create("/threads/" + post.threadId() + "?post=" + id + "#post-" + id)).build();
    }

    private record Loaded(PostView post, String title) {}

    @Transactional
    Loaded load(long id) {
        PostAccess pa = access.post(caller(), id);
        boolean hidden = !DiscussionThread.listHiddenFirstPosts(List.of(pa.thread().id)).isEmpty();
        String title = ThreadService.titleFor(pa.access(), pa.thread(), hidden);
        return new Loaded(views.one(pa.access(), pa.thread(), pa.post()), title != null ? title : pages.t("peer.thread.hidden-title"));
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
