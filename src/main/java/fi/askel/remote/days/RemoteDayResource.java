package fi.askel.remote.days;

import fi.askel.common.Csv;
import fi.askel.common.Messages;
import fi.askel.common.web.Pages;
import fi.askel.identity.Caller;
import fi.askel.remote.days.DayViews.ConfirmRequest;
import fi.askel.remote.days.DayViews.DayView;
import fi.askel.remote.days.DayViews.PeriodDays;
import fi.askel.remote.days.DayViews.Proposal;
import fi.askel.remote.days.DayViews.SaveDayRequest;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Remote-rehabilitation days of a period as JSON and CSV. Shares its root with the period API; every
 * path here continues with {@code /remote-days}.
 */
@Path("/api/v1/periods")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Transactional
public class RemoteDayResource {

    public static final String CSV_TYPE = "text/csv; charset=utf-8";

    private final DayService days;
    private final Messages messages;
    private final Pages pages;
    private final SecurityIdentity identity;

    public RemoteDayResource(DayService days, Messages messages, Pages pages, SecurityIdentity identity) {
        this.days = days;
        this.messages = messages;
        this.pages = pages;
        this.identity = identity;
    }

    /** The recorded days with totals; the period's client may read their own. */
    @GET
    @Path("/{periodId}/remote-days")
    public PeriodDays list(@PathParam("periodId") long periodId) {
        return days.days(caller(), periodId);
    }

    /** Days the platform saw remote rehabilitation on that are not recorded yet (staff). */
    @GET
    @Path("/{periodId}/remote-days/proposals")
    public List<Proposal> proposals(@PathParam("periodId") long periodId) {
        return days.proposals(caller(), periodId);
    }

    /** Records a day {date, content[], minutes, outcome, note?, appointmentIds?}; 409 when the date is recorded already. */
    @POST
    @Path("/{periodId}/remote-days")
    public Response create(@PathParam("periodId") long periodId, SaveDayRequest body) {
        DayView day = days.create(caller(), periodId, body);
        return Response.created(URI.create("/api/v1/periods/" + periodId + "/remote-days/" + day.date())).entity(day).build();
    }

    /** Corrects a recorded day {content[], minutes, outcome, note?}; the date is the path's. */
    @PUT
    @Path("/{periodId}/remote-days/{date}")
    public DayView update(@PathParam("periodId") long periodId, @PathParam("date") String date, SaveDayRequest body) {
        return days.update(caller(), periodId, date(date), body == null ? new SaveDayRequest(null, null, null, null, null, null) : body);
    }

    /** Confirms proposed days {dates?}: the named ones, or every proposal when none is named. */
    @POST
    @Path("/{periodId}/remote-days/proposals/confirm")
    public List<DayView> confirm(@PathParam("periodId") long periodId, ConfirmRequest body) {
        return days.confirm(caller(), periodId, body == null ? null : body.dates());
    }

    /** The days as CSV for a spreadsheet: UTF-8 with a byte-order mark, semicolons, headers in the caller's language. */
    @GET
    @Path("/{periodId}/remote-days.csv")
    @Produces(CSV_TYPE)
    public Response csv(@PathParam("periodId") long periodId) {
        PeriodDays period = days.days(caller(), periodId);
        String body = DayCsv.render(period, messages, pages.lang());
        return Response.ok(body.getBytes(StandardCharsets.UTF_8), CSV_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + messages.get(pages.lang(), "days.csv.filename")
                        + "-" + periodId + ".csv\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw fi.askel.common.ApiException.notFound("remote-day");
        }
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }

    /** The CSV text; kept here beside its only user. */
    static final class DayCsv {

        static final List<String> COLUMNS = List.of("date", "content", "minutes", "outcome", "note", "recorded-by", "recorded-at",
                "updated-by", "updated-at");

        private DayCsv() {}

        static String render(PeriodDays period, Messages messages, String lang) {
            StringBuilder out = new StringBuilder(Csv.BOM);
            out.append(COLUMNS.stream().map(c -> Csv.cell(messages.get(lang, "days.csv." + c))).collect(Collectors.joining(";")))
                    .append("\r\n");
            for (DayView d : period.days()) {
                out.append(d.date()).append(';')
                        .append(Csv.cell(d.content().stream().map(c -> messages.get(lang, "days.content." + c))
                                .collect(Collectors.joining(", ")))).append(';')
                        .append(d.minutes()).append(';')
                        .append(Csv.cell(messages.get(lang, "days.outcome." + d.outcome()))).append(';')
                        .append(Csv.cell(d.note())).append(';')
                        .append(Csv.cell(d.recordedBy())).append(';')
                        .append(d.recordedAt() == null ? "" : d.recordedAt().toString()).append(';')
                        .append(Csv.cell(d.updatedBy())).append(';')
                        .append(d.updatedAt() == null ? "" : d.updatedAt().toString())
                        .append("\r\n");
            }
            return out.toString();
        }
    }
}
