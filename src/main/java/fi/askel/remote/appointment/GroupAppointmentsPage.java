package fi.askel.remote.appointment;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.common.Messages;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.followup.FormState;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.rehab.RehabAccess;
import fi.askel.remote.RemoteConfig;
import fi.askel.remote.appointment.AppointmentRequests.CreateAppointmentRequest;
import fi.askel.remote.appointment.AppointmentsPage.ClientOption;
import fi.askel.remote.appointment.AppointmentsPage.FormValues;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Group sessions for the specialist: the booking form (for a peer group, filled from its members, or for
 * clients picked by hand) and, for a session booked for a peer group, its members against the group now —
 * who joined the group since, who left, who is left out and why — with one button to bring it up to date.
 */
@Path("/appointments/group")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@RolesAllowed(Role.SPECIALIST_NAME)
public class GroupAppointmentsPage {

    /** A peer group the specialist moderates and may hold group sessions for. */
    @TemplateData
    public record GroupOption(Long id, String name) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(PageContext page, List<ClientOption> clients, List<GroupOption> groups,
                int maxClients, List<Integer> durations, FormState state, FormValues v);
        static native TemplateInstance members(PageContext page, AppointmentItem a, List<AppointmentView.Person> current,
                List<AppointmentView.Person> added, List<AppointmentView.Person> removed, List<SkippedMember> skipped,
                String saved);
    }

    private final AppointmentService appointments;
    private final GroupMembersService members;
    private final AppointmentViews views;
    private final PeerGroupCheck peerGroups;
    private final RehabAccess access;
    private final Pages pages;
    private final SecurityIdentity identity;
    private final RemoteConfig config;
    private final Clock clock;
    private final Messages messages;

    public GroupAppointmentsPage(AppointmentService appointments, GroupMembersService members, AppointmentViews views,
            PeerGroupCheck peerGroups, RehabAccess access, Pages pages, SecurityIdentity identity, RemoteConfig config,
            Clock clock, Messages messages) {
        this.appointments = appointments;
        this.members = members;
        this.views = views;
        this.peerGroups = peerGroups;
        this.access = access;
        this.pages = pages;
        this.identity = identity;
        this.config = config;
        this.clock = clock;
        this.messages = messages;
    }

    @GET
    @Transactional
    public TemplateInstance form() {
        return renderForm(FormState.none());
    }

    @POST
    @Transactional
    public Response book(@FormParam("peerGroupId") String peerGroupId, @FormParam("clientIds") List<Long> clientIds,
            @FormParam("date") String date, @FormParam("time") String time, @FormParam("duration") String duration,
            @FormParam("topic") String topic, @FormParam("note") String note) {
        List<Long> chosen = clientIds == null ? List.of() : clientIds;
        Long groupId = parseLong(peerGroupId);
        Map<String, String> values = AppointmentsPage.values(date, time, duration, topic, note);
        values.put("clientIds", String.join(",", chosen.stream().map(String::valueOf).toList()));
        values.put("peerGroupId", AppointmentsPage.nullToEmpty(peerGroupId));
        try {
            List<FieldError> errors = new ArrayList<>();
            OffsetDateTime start = AppointmentsPage.start(date, time, errors);
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            // A peer group with nobody ticked: its members who may take part are filled in.
            List<Long> ids = groupId != null && chosen.isEmpty() ? null : chosen;
            Appointment a = appointments.book(caller(), new CreateAppointmentRequest(null, ids, groupId, start,
                    AppointmentsPage.parseInt(duration), topic, note));
            return Response.seeOther(URI.create(a.peerGroupId != null ? "/appointments/group/" + a.id + "/members?saved=booked"
                    : "/appointments/" + a.id + "?saved=booked")).build();
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status())
                    .entity(renderForm(FormState.rejected("group", values, e, pages, AppointmentsPage.RENAME))).build();
        }
    }

    /** The session's members against its peer group now; changes nothing. */
    @GET
    @Path("/{id}/members")
    @Transactional
    public TemplateInstance members(@PathParam("id") long id, @QueryParam("saved") String saved) {
        GroupMembersService.Refresh r = members.preview(caller(), id);
        return renderMembers(r, "booked".equals(saved) || "refreshed".equals(saved) ? saved : null);
    }

    @POST
    @Path("/{id}/members")
    @Transactional
    public Response refresh(@PathParam("id") long id) {
        members.refresh(caller(), id);
        return Response.seeOther(URI.create("/appointments/group/" + id + "/members?saved=refreshed")).build();
    }

    /** The page shows a preview: {@code added}/{@code removed} are what the button would do. */
    private TemplateInstance renderMembers(GroupMembersService.Refresh r, String saved) {
        Caller caller = caller();
        AppointmentView v = views.of(r.appointment(), caller);
        AppointmentItem item = AppointmentItem.of(v, caller.id(), clock.instant(), messages, pages.lang());
        return Templates.members(pages.context(), item, v.clients(), GroupMembersResource.people(r.added()),
                GroupMembersResource.people(r.removed()), r.skipped(), saved);
    }

    private TemplateInstance renderForm(FormState state) {
        Caller caller = caller();
        return Templates.form(pages.context(), AppointmentsPage.clientOptions(access, caller), peerGroups.moderated(caller),
                config.groupMaxClients(), AppointmentsPage.DURATIONS, state, FormValues.of(state, "group", null));
    }

    private static Long parseLong(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
