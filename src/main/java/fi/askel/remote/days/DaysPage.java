package fi.askel.remote.days;

import fi.askel.common.ApiException;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.followup.Formats;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.remote.days.DayViews.PeriodDays;
import fi.askel.remote.days.DayViews.Proposal;
import io.quarkus.qute.CheckedTemplate;
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
import java.util.List;

/** The period's remote days for its specialists: the table, and the proposals to confirm one by one or all at once. */
@Path("/clients")
@Produces(MediaType.TEXT_HTML)
public class DaysPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance period(PageContext page, Formats fmt, PeriodDays d, List<Proposal> proposals,
                int exerciseMinutes, boolean saved, String error);
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
            @QueryParam("saved") String saved) {
        return render(clientId, periodId, saved != null, null);
    }

    private TemplateInstance render(long clientId, long periodId, boolean saved, String error) {
        PeriodDays d = days.days(caller(), periodId);
        if (!d.clientId().equals(clientId)) {
            throw ApiException.notFound("period");
        }
        return Templates.period(pages.context(), new Formats(pages.lang()), d, days.proposals(caller(), periodId),
                config.exerciseMinutes(), saved, error);
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
            return Response.status(e.status()).entity(render(clientId, periodId, false, pages.t(e.messageKey(), e.args()))).build();
        } catch (DateTimeParseException e) {
            return Response.status(400).entity(render(clientId, periodId, false, pages.t("days.error.date.required"))).build();
        }
        return Response.seeOther(URI.create("/clients/" + clientId + "/periods/" + periodId + "/days?saved=1#days")).build();
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
