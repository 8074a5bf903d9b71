package fi.askel.remote.days;

import fi.askel.common.ApiException;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.followup.Formats;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.remote.days.DayViews.PeriodDays;
import fi.askel.remote.days.DayViews.Proposal;
import fi.askel.remote.days.DayViews.DayView;
import fi.askel.remote.days.DayViews.SaveDayRequest;
import fi.askel.remote.days.RemoteDay.Content;
import fi.askel.remote.days.RemoteDay.Outcome;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The period's remote days for its specialists: the table, the proposals to confirm one by one or all at once,
 * and a form to record a day that was not proposed or correct a recorded one.
 */
@Path("/clients")
@Produces(MediaType.TEXT_HTML)
public class DaysPage {

    /** The record-or-correct form as typed, so a refused form comes back as the specialist left it. */
    @TemplateData
    public record DayForm(String date, List<String> content, String minutes, String outcome, String note) {

        public boolean hasContent(String c) {
            return content.contains(c);
        }

        static DayForm empty() {
            return new DayForm("", List.of(), "", "", "");
        }

        static DayForm of(DayView d) {
            return new DayForm(d.date().toString(), d.content().stream().map(Enum::name).toList(), String.valueOf(d.minutes()),
                    d.outcome().name(), d.note() == null ? "" : d.note());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance period(PageContext page, Formats fmt, PeriodDays d, List<Proposal> proposals,
                int exerciseMinutes, boolean saved, String error, DayForm form, Map<String, String> errors,
                List<String> contents, List<String> outcomes);
    }

    private final DayService days;
    private final DaysConfig config;
    private final Pages pages;
    private final SecurityIdentity identity;

    public DaysPage(DayService days, DaysConfig config, Pages pages, SecurityIdentity identity) {
        this.days = days;
        this.config = config;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Path("/{clientId}/periods/{periodId}/days")
    @RolesAllowed({Role.SPECIALIST_NAME, Role.ADMIN_NAME})
    @Transactional
    public TemplateInstance period(@PathParam("clientId") long clientId, @PathParam("periodId") long periodId,
            @QueryParam("saved") String saved, @QueryParam("edit") String edit) {
        return render(clientId, periodId, saved != null, null, null, Map.of(), edit);
    }

    @Transactional // also when a refused form is shown again: its action's transaction has ended
    TemplateInstance render(long clientId, long periodId, boolean saved, String error, DayForm typed,
            Map<String, String> errors, String edit) {
        PeriodDays d = days.days(caller(), periodId);
        if (!d.clientId().equals(clientId)) {
            throw ApiException.notFound("period");
        }
        DayForm form = typed != null ? typed : d.days().stream().filter(x -> x.date().toString().equals(edit)).findFirst()
                .map(DayForm::of).orElse(DayForm.empty());
        return Templates.period(pages.context(), new Formats(pages.lang()), d, days.proposals(caller(), periodId),
                config.exerciseMinutes(), saved, error, form, errors,
                Arrays.stream(Content.values()).map(Enum::name).toList(), Arrays.stream(Outcome.values()).map(Enum::name).toList());
    }

    /** Records a day, or corrects it when the date is recorded already. */
    @POST
    @Path("/{clientId}/periods/{periodId}/days")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.SPECIALIST_NAME, Role.ADMIN_NAME})
    public Response save(@PathParam("clientId") long clientId, @PathParam("periodId") long periodId,
            @FormParam("date") String date, @FormParam("content") List<String> content, @FormParam("minutes") String minutes,
            @FormParam("outcome") String outcome, @FormParam("note") String note) {
        DayForm form = new DayForm(date == null ? "" : date.strip(), content == null ? List.of() : content,
                minutes == null ? "" : minutes.strip(), outcome == null ? "" : outcome, note == null ? "" : note);
        PeriodDays d = days.days(caller(), periodId);
        if (!d.clientId().equals(clientId)) {
            throw ApiException.notFound("period");
        }
        try {
            SaveDayRequest req = request(form);
            boolean exists = req.date() != null && d.days().stream().anyMatch(x -> x.date().equals(req.date()));
            if (exists) {
                days.update(caller(), periodId, req.date(), req);
            } else {
                days.create(caller(), periodId, req);
            }
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            Map<String, String> errors = new HashMap<>();
            if (e.fieldErrors().isEmpty()) {
                errors.put("form", pages.t(e.messageKey(), e.args()));
            }
            e.fieldErrors().forEach(f -> errors.putIfAbsent(f.field(), pages.t(f.messageKey(), f.args())));
            return Response.status(e.status()).entity(render(clientId, periodId, false, null, form, errors, null)).build();
        }
        return Response.seeOther(URI.create("/clients/" + clientId + "/periods/" + periodId + "/days?saved=1#days")).build();
    }

    /** The typed form as a request: what does not parse is left out, so the service names the field. */
    private static SaveDayRequest request(DayForm form) {
        LocalDate date = null;
        try {
            date = form.date().isEmpty() ? null : LocalDate.parse(form.date());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("date", "days.error.date.required");
        }
        Integer minutes = null;
        try {
            minutes = form.minutes().isEmpty() ? null : Integer.valueOf(form.minutes());
        } catch (NumberFormatException e) {
            minutes = -1;
        }
        List<Content> content = Arrays.stream(Content.values()).filter(c -> form.content().contains(c.name())).toList();
        Outcome outcome = Arrays.stream(Outcome.values()).filter(o -> o.name().equals(form.outcome())).findFirst().orElse(null);
        return new SaveDayRequest(date, content, minutes, outcome, form.note(), null);
    }

    /** Confirms one proposed day (date given) or all of them. */
    @POST
    @Path("/{clientId}/periods/{periodId}/days/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.SPECIALIST_NAME, Role.ADMIN_NAME})
    public Response confirm(@PathParam("clientId") long clientId, @PathParam("periodId") long periodId,
            @FormParam("date") String date) {
        PeriodDays d = days.days(caller(), periodId);
        if (!d.clientId().equals(clientId)) {
            throw ApiException.notFound("period");
        }
        try {
            days.confirm(caller(), periodId, date == null || date.isBlank() ? null : List.of(LocalDate.parse(date)));
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Response.status(e.status()).entity(render(clientId, periodId, false, pages.t(e.messageKey(), e.args()), null,
                    Map.of(), null)).build();
        } catch (DateTimeParseException e) {
            return Response.status(400).entity(render(clientId, periodId, false, pages.t("days.error.date.required"), null,
                    Map.of(), null)).build();
        }
        return Response.seeOther(URI.create("/clients/" + clientId + "/periods/" + periodId + "/days?saved=1#days")).build();
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
