package fi.askel.peer;

import fi.askel.identity.Caller;
import fi.askel.peer.PeerRequests.AddMemberRequest;
import fi.askel.peer.PeerViews.MemberView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** Members of a group. Everyone in the group sees the list (clients by pseudonym); moderators add and remove. */
@Path("/api/v1/groups/{groupId}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Transactional
public class MemberResource {

    private final GroupService groups;
    private final SecurityIdentity identity;

    public MemberResource(GroupService groups, SecurityIdentity identity) {
        this.groups = groups;
        this.identity = identity;
    }

    @GET
    public List<MemberView> list(@PathParam("groupId") long groupId) {
        return groups.members(caller(), groupId);
    }

    @POST
    public Response add(@PathParam("groupId") long groupId, AddMemberRequest body) {
        MemberView member = groups.addMember(caller(), groupId, body == null ? null : body.userId());
        return Response.created(URI.create("/api/v1/groups/" + groupId + "/members/" + member.userId()))
                .entity(member).build();
    }

    @DELETE
    @Path("/{userId}")
    public Response remove(@PathParam("groupId") long groupId, @PathParam("userId") long userId) {
        groups.removeMember(caller(), groupId, userId);
        return Response.noContent().build();
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
