package fi.askel.peer;

import fi.askel.common.ApiException;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.identity.UserService;
import fi.askel.peer.PeerRequests.UpdateGroupRequest;
import fi.askel.peer.PeerViews.GroupView;
import fi.askel.peer.PeerViews.MemberView;
import fi.askel.peer.PeerViews.ReportView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.Set;
import java.util.stream.Collectors;

/** For a group's specialists and admins: the report and alert queue, members, and archiving. */
@Path("/groups/{groupId}/moderation")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN_NAME, Role.SPECIALIST_NAME})
public class GroupModerationPage {

    /** Someone who could be added to the group. */
    public record Candidate(Long id, String label) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance moderation(PageContext page, GroupView group, List<ReportView> reports,
                List<MemberView> members, List<Candidate> candidates, Map<String, String> errors, String flash);
    }

    private final GroupService groups;
    private final ModerationService moderation;
    private final UserService users;
    private final Pages pages;
    private final SecurityIdentity identity;

    public GroupModerationPage(GroupService groups, ModerationService moderation, UserService users, Pages pages,
            SecurityIdentity identity) {
        this.groups = groups;
        this.moderation = moderation;
        this.users = users;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Transactional
    public TemplateInstance queue(@PathParam("groupId") long groupId, @QueryParam("done") String done) {
        return render(groupId, Map.of(), done == null ? null : pages.t("peer.flash." + switch (done) {
            case "member-added", "member-removed", "archived", "reopened" -> done;
            default -> "saved";
        }));
    }

    @POST
    @Path("/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("groupId") long groupId, @FormParam("userId") Long userId) {
        return act(groupId, () -> groups.addMember(caller(), groupId, userId), "/moderation?done=member-added");
    }

    @POST
    @Path("/members/{userId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("groupId") long groupId, @PathParam("userId") long userId) {
        return act(groupId, () -> groups.removeMember(caller(), groupId, userId), "/moderation?done=member-removed");
    }

    @POST
    @Path("/details")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response details(@PathParam("groupId") long groupId, @FormParam("name") String name,
            @FormParam("description") String description, @FormParam("rules") String rules) {
        return act(groupId, () -> groups.update(caller(), groupId, new UpdateGroupRequest(name, description,
                rules == null ? "" : rules)), "/moderation?done=saved");
    }

    @POST
    @Path("/archive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response archive(@PathParam("groupId") long groupId, @FormParam("archived") boolean archived) {
        return act(groupId, () -> groups.setArchived(caller(), groupId, archived), archived ? "/moderation?done=archived" : "/moderation?done=reopened");
    }

    @POST
    @Path("/reports/{reportId}/dismiss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dismiss(@PathParam("groupId") long groupId, @PathParam("reportId") long reportId) {
        return act(groupId, () -> moderation.dismiss(caller(), reportId), "/moderation");
    }

    private Response act(long groupId, Runnable action, String next) {
        try {
            action.run();
            return Response.seeOther(URI.create("/groups/" + groupId + next)).build();
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).entity(render(groupId, PeerForms.errors(e, pages), null)).build();
        }
    }

    @Transactional // also when a refused form is shown again: its action's transaction has ended
    TemplateInstance render(long groupId, Map<String, String> errors, String flash) {
        Caller caller = caller();
        GroupView group = groups.get(caller, groupId);
        if (!group.moderator()) {
            throw ApiException.forbidden("peer.moderator-only");
        }
        List<MemberView> members = groups.members(caller, groupId);
        Set<Long> current = members.stream().map(MemberView::userId).collect(Collectors.toSet());
        List<Candidate> candidates = users.list(caller, null, 0, 200).stream()
                .filter(u -> u.active && u.role != Role.ADMIN && !current.contains(u.id))
                .map(u -> new Candidate(u.id, label(u))).toList();
        return Templates.moderation(pages.context(), group, moderation.queue(caller, groupId), members, candidates, errors, flash);
    }

    private String label(User u) {
        return u.displayName + " (" + u.username + ", " + pages.t("role." + u.role.name()) + ")";
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
