package fi.askel.remote.appointment;

import fi.askel.identity.Caller;
import fi.askel.identity.User;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * A group session's members against its peer group: {@code GET} shows what a refresh would change, {@code POST
 * …/refresh} does it (clients who joined the group are added if they may take part, those who left are removed;
 * each is told by email). Only the specialist who booked the session, before it starts; an admin may look.
 */
@Path("/api/v1/appointments/{id}/members")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("SPECIALIST")
public class GroupMembersResource {

    /** {@code added}/{@code removed}: done by a refresh, or what one would do (GET). */
    public record MembersView(AppointmentView appointment, List<AppointmentView.Person> added,
            List<AppointmentView.Person> removed, List<SkippedMember> skipped) {}

    private final GroupMembersService members;
    private final AppointmentViews views;
    private final SecurityIdentity identity;

    public GroupMembersResource(GroupMembersService members, AppointmentViews views, SecurityIdentity identity) {
        this.members = members;
        this.views = views;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"SPECIALIST", "ADMIN"})
    @Transactional
    public MembersView preview(@PathParam("id") long id) {
        return view(members.preview(caller(), id));
    }

    @POST
    @Path("/refresh")
    @Transactional
    public MembersView refresh(@PathParam("id") long id) {
        return view(members.refresh(caller(), id));
    }

    private MembersView view(GroupMembersService.Refresh r) {
        return new MembersView(views.of(r.appointment(), caller()), people(r.added()), people(r.removed()), r.skipped());
    }

    static List<AppointmentView.Person> people(List<Long> ids) {
        return ids.isEmpty() ? List.of() : User.<User>list("id in ?1 order by displayName", ids).stream()
                .map(u -> new AppointmentView.Person(u.id, u.displayName)).toList();
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
