package fi.askel.remote.appointment;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.common.Messages;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.followup.FormState;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.rehab.RehabAccess;
import fi.askel.remote.appointment.AppointmentRequests.CreateAppointmentRequest;
import fi.askel.remote.appointment.AppointmentRequests.UpdateAppointmentRequest;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Video appointments for people: the list (coming and past), one appointment with its calendar file
 * and join link, and for the specialist the forms to book, move and cancel. Forms redirect (303) on
 * success and come back with what was typed and what was wrong when refused.
 */
@Path("/appointments")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@RolesAllowed({Role.CLIENT_NAME, Role.SPECIALIST_NAME})
public class AppointmentsPage {

    static final List<Integer> DURATIONS = List.of(15, 30, 45, 60, 90);
    static final int DEFAULT_DURATION = 45;
    static final Map<String, String> RENAME = Map.of("startsAt", "date", "durationMinutes", "duration");

    @TemplateData
    public record ClientOption(Long id, String name) {}

    /** What an appointment form shows: what was typed when it was refused, else the appointment as it is. */
    @TemplateData
    public record FormValues(String date, String time, String duration, String topic, String note) {

        static FormValues of(FormState state, String form, AppointmentItem a) {
            if (state.failed(form)) {
                return new FormValues(state.value(form, "date"), state.value(form, "time"), state.value(form, "duration"),
                        state.value(form, "topic"), state.value(form, "note"));
            }
            return a == null ? new FormValues("", "", String.valueOf(DEFAULT_DURATION), "", "")
                    : new FormValues(a.isoDate(), a.isoTime(), String.valueOf(a.durationMinutes()), a.topic(),
                            a.note() == null ? "" : a.note());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageContext page, List<AppointmentItem> upcoming, List<AppointmentItem> past,
                List<ClientOption> clients, List<Integer> durations, Long chosenClient, FormState state, FormValues v,
                String saved);
        static native TemplateInstance detail(PageContext page, AppointmentItem a, List<Integer> durations, FormState state,
                FormValues v, String saved);
    }

    private final AppointmentService appointments;
    private final AppointmentViews views;
    private final RehabAccess access;
    private final Messages messages;
    private final Pages pages;
    private final SecurityIdentity identity;
    private final Clock clock;

    public AppointmentsPage(AppointmentService appointments, AppointmentViews views, RehabAccess access, Messages messages,
            Pages pages, SecurityIdentity identity, Clock clock) {
        this.appointments = appointments;
        this.views = views;
        this.access = access;
        this.messages = messages;
        this.pages = pages;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Transactional
    public TemplateInstance list(@QueryParam("clientId") Long clientId, @QueryParam("saved") String saved) {
        return renderList(clientId, FormState.none(), saved);
    }

    @POST
    @Transactional
    public Response book(@FormParam("clientId") String clientId, @FormParam("date") String date,
            @FormParam("time") String time, @FormParam("duration") String duration, @FormParam("topic") String topic,
            @FormParam("note") String note) {
        Map<String, String> values = values(date, time, duration, topic, note);
        values.put("clientId", nullToEmpty(clientId));
        try {
            List<FieldError> errors = new ArrayList<>();
            Long client = parseLong(clientId);
            if (client == null) {
                errors.add(new FieldError("clientId", "remote.appointment.client-required"));
            }
            OffsetDateTime start = start(date, time, errors);
            Integer minutes = parseInt(duration);
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            Appointment a = appointments.book(caller(), new CreateAppointmentRequest(client, start, minutes, topic, note));
            return Response.seeOther(URI.create("/appointments/" + a.id + "?saved=booked")).build();
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status())
                    .entity(renderList(null, FormState.rejected("book", values, e, pages, RENAME), null)).build();
        }
    }

    @GET
    @Path("/{id}")
    @Transactional
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("saved") String saved) {
        return renderDetail(id, FormState.none(), saved);
    }

    @POST
    @Path("/{id}")
    @Transactional
    public Response update(@PathParam("id") long id, @FormParam("date") String date, @FormParam("time") String time,
            @FormParam("duration") String duration, @FormParam("topic") String topic, @FormParam("note") String note) {
        return handle(id, "edit", values(date, time, duration, topic, note), "moved", () -> {
            List<FieldError> errors = new ArrayList<>();
            OffsetDateTime start = start(date, time, errors);
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            return appointments.update(caller(), id, new UpdateAppointmentRequest(start, parseInt(duration), topic, note));
        });
    }

    @POST
    @Path("/{id}/cancel")
    @Transactional
    public Response cancel(@PathParam("id") long id, @FormParam("reason") String reason) {
        return handle(id, "cancel", Map.of("reason", nullToEmpty(reason)), "cancelled",
                () -> appointments.cancel(caller(), id, reason));
    }

    private Response handle(long id, String form, Map<String, String> values, String saved, Supplier<Object> action) {
        try {
            action.get();
            return Response.seeOther(URI.create("/appointments/" + id + "?saved=" + saved)).build();
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).entity(renderDetail(id, FormState.rejected(form, values, e, pages, RENAME), null))
                    .build();
        }
    }

    private TemplateInstance renderList(Long clientId, FormState state, String saved) {
        Caller caller = caller();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, AppointmentService.ZONE);
        List<AppointmentView> all = views.of(appointments.list(caller, null,
                today.minusDays(90).atStartOfDay(AppointmentService.ZONE).toInstant(),
                today.plusDays(366).atStartOfDay(AppointmentService.ZONE).toInstant()), caller);
        List<AppointmentItem> items = AppointmentItem.of(all, caller.id(), now, messages, pages.lang());
        List<AppointmentItem> upcoming = items.stream().filter(i -> !i.past()).toList();
        List<AppointmentItem> past = new ArrayList<>(items.stream().filter(AppointmentItem::past).toList());
        java.util.Collections.reverse(past);
        return Templates.list(pages.context(), upcoming, past, clientOptions(access, caller), DURATIONS, clientId, state,
                FormValues.of(state, "book", null), "booked".equals(saved) ? saved : null);
    }

    private TemplateInstance renderDetail(long id, FormState state, String saved) {
        Caller caller = caller();
        AppointmentView v = views.of(appointments.find(caller, id), caller);
        AppointmentItem item = AppointmentItem.of(v, caller.id(), clock.instant(), messages, pages.lang());
        return Templates.detail(pages.context(), item, DURATIONS, state, FormValues.of(state, "edit", item),
                saved != null && List.of("booked", "moved", "cancelled").contains(saved) ? saved : null);
    }

    /** The clients a specialist can book with: those whose rehabilitation they follow. */
    static List<ClientOption> clientOptions(RehabAccess access, Caller caller) {
        if (caller.role() != Role.SPECIALIST) {
            return List.of();
        }
        List<Long> ids = access.followedClientIds(caller);
        if (ids.isEmpty()) {
            return List.of();
        }
        return User.<User>list("id in ?1 and active = true order by displayName", ids).stream()
                .map(u -> new ClientOption(u.id, u.displayName)).toList();
    }

    /** The day and time typed into the form, in Finnish time. */
    static OffsetDateTime start(String date, String time, List<FieldError> errors) {
        try {
            LocalDate d = LocalDate.parse(nullToEmpty(date).strip());
            LocalTime t = LocalTime.parse(nullToEmpty(time).strip().replace('.', ':'));
            return d.atTime(t).atZone(AppointmentService.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("startsAt", "remote.appointment.start-required"));
            return null;
        }
    }

    static Map<String, String> values(String date, String time, String duration, String topic, String note) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("date", nullToEmpty(date));
        values.put("time", nullToEmpty(time));
        values.put("duration", nullToEmpty(duration));
        values.put("topic", nullToEmpty(topic));
        values.put("note", nullToEmpty(note));
        return values;
    }

    private static Long parseLong(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Integer parseInt(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
