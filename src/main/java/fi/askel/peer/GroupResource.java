package fi.askel.peer;

import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.peer.PeerRequests.CreateGroupRequest;
import fi.askel.peer.PeerRequests.MySettingsRequest;
import fi.askel.peer.PeerRequests.UpdateGroupRequest;
import fi.askel.peer.PeerViews.GroupView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.List;

/**
 * Peer groups. Members see their groups, admins all; anyone else gets 404 for a group id. Specialists
 * and admins create groups; a group's specialists (and admins) edit and archive it.
 */
@Path("/api/v1/groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Transactional
public class GroupResource {

    private final GroupService groups;
    private final SecurityIdentity identity;

    public GroupResource(GroupService groups, SecurityIdentity identity) {
        this.groups = groups;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Role.ADMIN_NAME, Role.SPECIALIST_NAME})
    public Response create(CreateGroupRequest body) {
        GroupView group = groups.create(caller(), body);
        return Response.created(URI.create("/api/v1/groups/" + group.id())).entity(group).build();
    }

    /** The caller's groups with their "N new" counts (all groups for an admin). */
    @GET
    public List<GroupView> list() {
        return groups.list(caller());
    }

    @GET
    @Path("/{id}")
    public GroupView get(@PathParam("id") long id) {
        return groups.get(caller(), id);
    }

    /** Name, description and the group's own rules (an empty rules text brings back the built-in rules). */
    @PUT
    @Path("/{id}")
    public GroupView update(@PathParam("id") long id, UpdateGroupRequest body) {
        return groups.update(caller(), id, body);
    }

    @POST
    @Path("/{id}/archive")
    public GroupView archive(@PathParam("id") long id) {
        return groups.setArchived(caller(), id, true);
    }

    @POST
    @Path("/{id}/reopen")
    public GroupView reopen(@PathParam("id") long id) {
        return groups.setArchived(caller(), id, false);
    }

    /** A client accepts the group's rules once before taking part. */
    @POST
    @Path("/{id}/rules/accept")
    public GroupView acceptRules(@PathParam("id") long id) {
        return groups.acceptRules(caller(), id);
    }

    /** The caller's own pseudonym and email digest choice in this group. */
    @PUT
    @Path("/{id}/me")
    public GroupView mySettings(@PathParam("id") long id, MySettingsRequest body) {
        return groups.updateMySettings(caller(), id, body);
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
