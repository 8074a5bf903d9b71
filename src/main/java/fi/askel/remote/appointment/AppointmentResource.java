package fi.askel.remote.appointment;

import fi.askel.common.ApiException;
import fi.askel.common.Messages;
import fi.askel.identity.Caller;
import fi.askel.remote.appointment.AppointmentRequests.CancelAppointmentRequest;
import fi.askel.remote.appointment.AppointmentRequests.CreateAppointmentRequest;
import fi.askel.remote.appointment.AppointmentRequests.UpdateAppointmentRequest;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Video-call appointments: book, list, read, move, cancel, and a calendar file. */
@Path("/api/v1/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Transactional
public class AppointmentResource {

    private final AppointmentService appointments;
    private final AppointmentViews views;
    private final SecurityIdentity identity;
    private final Messages messages;
    private final Clock clock;
    private final String publicUrl;

    public AppointmentResource(AppointmentService appointments, AppointmentViews views, SecurityIdentity identity,
            Messages messages, Clock clock, @ConfigProperty(name = "askel.public-url") String publicUrl) {
        this.appointments = appointments;
        this.views = views;
        this.identity = identity;
        this.messages = messages;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * Books a call. A group session with {@code peerGroupId} and no clients is filled from the group's current
     * client members; the answer then lists in {@code skipped} those left out and why.
     */
    @POST
    @RolesAllowed("SPECIALIST")
    @Transactional
    public Response book(CreateAppointmentRequest body) {
        AppointmentService.Booking b = appointments.bookSession(caller(), body);
        AppointmentView view = views.of(b.appointment(), caller());
        return Response.created(URI.create("/api/v1/appointments/" + b.appointment().id))
                .entity(b.skipped() == null ? view : view.withSkipped(b.skipped())).build();
    }

    /**
     * The caller's calls (a client's own, a specialist's own), or with {@code clientId} the calls of a client
     * the specialist follows (admins name the client). {@code from}/{@code to} are days (inclusive), by
     * default from a week ago to a year ahead.
     */
    @GET
    @Transactional
    public List<AppointmentView> list(@QueryParam("clientId") Long clientId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), AppointmentService.ZONE);
        LocalDate first = day("from", from, today.minusDays(7));
        LocalDate last = day("to", to, today.plusDays(366));
        if (last.isBefore(first)) {
            throw ApiException.invalid("to", "remote.appointment.range-invalid");
        }
        Instant start = first.atStartOfDay(AppointmentService.ZONE).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(AppointmentService.ZONE).toInstant();
        return views.of(appointments.list(caller(), clientId, start, end), caller());
    }

    @GET
    @Path("/{id}")
    @Transactional
    public AppointmentView get(@PathParam("id") long id) {
        return views.of(appointments.find(caller(), id), caller());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("SPECIALIST")
    @Transactional
    public AppointmentView update(@PathParam("id") long id, UpdateAppointmentRequest body) {
        return views.of(appointments.update(caller(), id, body), caller());
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed("SPECIALIST")
    @Transactional
    public AppointmentView cancel(@PathParam("id") long id, CancelAppointmentRequest body) {
        return views.of(appointments.cancel(caller(), id, body == null ? null : body.reason()), caller());
    }

    /** The call as a calendar event, in the caller's language. */
    @GET
    @Path("/{id}/ics")
    @Produces("text/calendar")
    @Transactional
    public Response ics(@PathParam("id") long id) {
        Caller caller = caller();
        AppointmentView v = views.of(appointments.find(caller, id), caller);
        Appointment a = Appointment.findById(id);
        String lang = caller.locale();
        String other = caller.id().equals(v.specialistId())
                ? String.join(", ", v.clients().stream().map(AppointmentView.Person::name).toList()) : v.specialistName();
        String summary = messages.get(lang, "remote.ics.summary", v.topic());
        String description = messages.get(lang, "remote.ics.description", other, publicUrl + "/calls/" + id)
                + (v.note() == null ? "" : "\n\n" + v.note());
        String host = URI.create(publicUrl).getHost();
        String body = IcsCalendar.of(a, summary, description, publicUrl + "/calls/" + id, host == null ? "askel" : host,
                clock.instant());
        return Response.ok(body, "text/calendar; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"askel-appointment-" + id + ".ics\"").build();
    }

    private static LocalDate day(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "remote.appointment.day-invalid");
        }
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
