package fi.askel.peer;

import fi.askel.common.ApiException;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.identity.Caller;
import fi.askel.peer.PeerRequests.CreateGroupRequest;
import fi.askel.peer.PeerRequests.CreateThreadRequest;
import fi.askel.peer.PeerRequests.MySettingsRequest;
import fi.askel.peer.PeerViews.GroupView;
import fi.askel.peer.PeerViews.MemberView;
import fi.askel.peer.PeerViews.NotificationView;
import fi.askel.peer.PeerViews.PageOf;
import fi.askel.peer.PeerViews.ThreadDetailView;
import fi.askel.peer.PeerViews.ThreadView;
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
import java.util.List;
import java.util.Map;

/** The groups a person belongs to, a group's threads, its rules on the first visit, and starting a thread. */
@Path("/groups")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class GroupsPage {

    /** What was typed into a form, so a refused form comes back as it was left. */
    public record Form(String title, String body, String name, String description, String pseudonym) {
        static Form empty() {
            return new Form("", "", "", "", "");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageContext page, List<GroupView> groups, List<NotificationView> notifications,
                Form form, Map<String, String> errors);
        static native TemplateInstance group(PageContext page, GroupView group, PageOf<ThreadView> threads,
                List<MemberView> members, Form form, Map<String, String> errors, String flash);
        static native TemplateInstance rules(PageContext page, GroupView group, String rulesHtml, List<String> defaultRules,
                String pseudonym, Map<String, String> errors);
    }

    private final GroupService groups;
    private final ThreadService threads;
    private final NotificationService notifications;
    private final PostMarkdown markdown;
    private final Pages pages;
    private final SecurityIdentity identity;

    public GroupsPage(GroupService groups, ThreadService threads, NotificationService notifications,
            PostMarkdown markdown, Pages pages, SecurityIdentity identity) {
        this.groups = groups;
        this.threads = threads;
        this.notifications = notifications;
        this.markdown = markdown;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Transactional
    public TemplateInstance list() {
        return renderList(Form.empty(), Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("name") String name, @FormParam("description") String description) {
        try {
            GroupView group = groups.create(caller(), new CreateGroupRequest(name, description));
            return Response.seeOther(URI.create("/groups/" + group.id())).build();
        } catch (ApiException e) {
            return Response.status(e.status()).entity(renderList(new Form("", "", name, description, ""), PeerForms.errors(e, pages)))
                    .build();
        }
    }

    /** A group's threads; a client's first visit shows the rules (and the pseudonym) to accept first. */
    @GET
    @Transactional
    @Path("/{id}")
    public TemplateInstance group(@PathParam("id") long id, @QueryParam("page") int page, @QueryParam("done") String done) {
        GroupView group = groups.get(caller(), id);
        if (!group.rulesAccepted()) {
            return renderRules(group, group.pseudonym(), Map.of());
        }
        return renderGroup(group, page, Form.empty(), Map.of(), done == null ? null : pages.t("peer.flash." + flash(done)));
    }

    @POST
    @Path("/{id}/rules")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acceptRules(@PathParam("id") long id, @FormParam("pseudonym") String pseudonym) {
        GroupView group = groups.get(caller(), id);
        try {
            if (pseudonym != null && group.pseudonym() != null && !pseudonym.strip().equals(group.pseudonym())) {
                groups.updateMySettings(caller(), id, new MySettingsRequest(pseudonym, null));
            }
            groups.acceptRules(caller(), id);
            return Response.seeOther(URI.create("/groups/" + id)).build();
        } catch (ApiException e) {
            return Response.status(e.status()).entity(renderRules(group, pseudonym, PeerForms.errors(e, pages))).build();
        }
    }

    @POST
    @Path("/{id}/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response settings(@PathParam("id") long id, @FormParam("pseudonym") String pseudonym,
            @FormParam("emailDigest") String emailDigest) {
        try {
            groups.updateMySettings(caller(), id, new MySettingsRequest(pseudonym, "on".equals(emailDigest)));
            return Response.seeOther(URI.create("/groups/" + id + "?done=settings")).build();
        } catch (ApiException e) {
            GroupView group = groups.get(caller(), id);
            return Response.status(e.status()).entity(renderGroup(group, 0, new Form("", "", "", "", pseudonym),
                    PeerForms.errors(e, pages), null)).build();
        }
    }

    @POST
    @Path("/{id}/threads")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createThread(@PathParam("id") long id, @FormParam("title") String title, @FormParam("body") String body) {
        try {
            ThreadDetailView thread = threads.create(caller(), id, new CreateThreadRequest(title, body));
            boolean crisis = thread.posts().items().stream().anyMatch(p -> p.crisisHelp() != null);
            return Response.seeOther(URI.create("/threads/" + thread.id() + (crisis ? "?crisis=1" : ""))).build();
        } catch (ApiException e) {
            GroupView group = groups.get(caller(), id);
            return Response.status(e.status()).entity(renderGroup(group, 0, new Form(title, body, "", "", ""),
                    PeerForms.errors(e, pages), null)).build();
        }
    }

    @Transactional // also when a refused form is shown again: its action's transaction has ended
    TemplateInstance renderList(Form form, Map<String, String> errors) {
        Caller caller = caller();
        return Templates.list(pages.context(), groups.list(caller), notifications.list(caller, true, pages.lang()), form,
                errors);
    }

    @Transactional // also when a refused form is shown again: its action's transaction has ended
    TemplateInstance renderGroup(GroupView group, int page, Form form, Map<String, String> errors, String flash) {
        Caller caller = caller();
        return Templates.group(pages.context(), group, threads.list(caller, group.id(), page),
                groups.members(caller, group.id()), form, errors, flash);
    }

    @Transactional // also when a refused form is shown again: its action's transaction has ended
    TemplateInstance renderRules(GroupView group, String pseudonym, Map<String, String> errors) {
        String own = group.rules();
        List<String> defaults = own != null ? List.of()
                : List.of(1, 2, 3, 4, 5, 6).stream().map(i -> pages.t("peer.rules.default." + i)).toList();
        return Templates.rules(pages.context(), group, own == null ? null : markdown.toHtml(own), defaults,
                pseudonym, errors);
    }

    private static String flash(String done) {
        return switch (done) {
            case "settings", "archived", "reopened", "member-added", "member-removed" -> done;
            default -> "saved";
        };
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
