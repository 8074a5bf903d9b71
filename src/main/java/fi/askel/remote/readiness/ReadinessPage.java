package fi.askel.remote.readiness;

import fi.askel.common.ApiException;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.remote.readiness.ReadinessViews.ItemDetail;
import fi.askel.remote.readiness.ReadinessViews.ItemView;
import fi.askel.remote.readiness.ReadinessViews.Overview;
import fi.askel.remote.readiness.ReadinessViews.OwnerOption;
import fi.askel.remote.readiness.ReadinessViews.ReviewView;
import fi.askel.remote.readiness.ReadinessViews.SaveItemRequest;
import fi.askel.remote.readiness.ReadinessViews.TextsRequest;
import fi.askel.remote.readiness.ReadinessViews.TextsView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
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
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The admin's readiness pages: the checklist with evidence, an item's review form and history, the texts per language. */
@Path("/admin/readiness")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class ReadinessPage {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

    /** The item form as typed, so a refused form comes back as the admin left it. */
    public record ItemForm(String title, String ownerId, String evidence, String lastReviewedOn, String nextReviewOn) {

        static ItemForm of(ItemView item) {
            return new ItemForm(item.standard() ? "" : item.title(), item.ownerId() == null ? "" : item.ownerId().toString(),
                    item.evidence(), item.lastReviewedOn() == null ? "" : item.lastReviewedOn().toString(),
                    item.nextReviewOn().toString());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(PageContext page, Overview overview, String saved);
        static native TemplateInstance item(PageContext page, ItemView item, List<ReviewView> history, ItemForm form,
                Map<String, String> errors, List<OwnerOption> owners);
        static native TemplateInstance texts(PageContext page, TextsView texts, TextsRequest form, Map<String, String> errors,
                boolean saved);
    }

    private final ReadinessService readiness;
    private final ReadinessEvidence evidence;
    private final ProviderTextStore texts;
    private final Pages pages;
    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    public ReadinessPage(ReadinessService readiness, ReadinessEvidence evidence, ProviderTextStore texts, Pages pages,
            SecurityIdentity identity, HttpServerRequest request) {
        this.readiness = readiness;
        this.evidence = evidence;
        this.texts = texts;
        this.pages = pages;
        this.identity = identity;
        this.request = request;
    }

    @GET
    @Transactional
    public TemplateInstance overview(@QueryParam("saved") String saved) {
        var checks = evidence.evaluate("https".equalsIgnoreCase(request.scheme()), pages.lang());
        List<ItemView> items = readiness.items(pages.lang(), ReadinessService.today());
        return Templates.overview(pages.context(), new Overview(items, items.stream().filter(ItemView::overdue).count(), checks),
                saved);
    }

    @POST
    @Path("evidence/access-log")
    public Response recheckAccessLog() {
        evidence.recheckAccessLog(pages.lang());
        return Response.seeOther(URI.create("/admin/readiness?saved=evidence#evidence")).build();
    }

    @GET
    @Transactional
    @Path("items/new")
    public TemplateInstance newItem() {
        LocalDate next = ReadinessService.today().plusYears(1);
        return Templates.item(pages.context(), null, List.of(), new ItemForm("", "", "", "", next.toString()), Map.of(),
                readiness.owners());
    }

    @POST
    @Path("items")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("title") String title, @FormParam("ownerId") String ownerId,
            @FormParam("evidence") String evidenceText, @FormParam("lastReviewedOn") String lastReviewedOn,
            @FormParam("nextReviewOn") String nextReviewOn) {
        ItemForm form = new ItemForm(title, ownerId, evidenceText, lastReviewedOn, nextReviewOn);
        try {
            ItemView item = readiness.create(caller(), request(form), pages.lang());
            return Response.seeOther(URI.create("/admin/readiness?saved=item#item-" + item.id())).build();
        } catch (ApiException e) {
            return refused(e, null, List.of(), form);
        }
    }

    @GET
    @Transactional
    @Path("items/{id}")
    public TemplateInstance item(@PathParam("id") long id) {
        ItemDetail detail = detail(id);
        return Templates.item(pages.context(), detail.item(), detail.history(), ItemForm.of(detail.item()), Map.of(),
                readiness.owners());
    }

    @POST
    @Path("items/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @FormParam("title") String title, @FormParam("ownerId") String ownerId,
            @FormParam("evidence") String evidenceText, @FormParam("lastReviewedOn") String lastReviewedOn,
            @FormParam("nextReviewOn") String nextReviewOn) {
        ItemForm form = new ItemForm(title, ownerId, evidenceText, lastReviewedOn, nextReviewOn);
        try {
            readiness.update(caller(), id, request(form), pages.lang());
            return Response.seeOther(URI.create("/admin/readiness?saved=item#item-" + id)).build();
        } catch (ApiException e) {
            if (e.fieldErrors().isEmpty()) {
                throw e;
            }
            ItemDetail detail = detail(id);
            return refused(e, detail.item(), detail.history(), form);
        }
    }

    @GET
    @Transactional
    @Path("texts/{lang}")
    public TemplateInstance texts(@PathParam("lang") String lang, @QueryParam("saved") String saved) {
        TextsView view = texts.view(lang);
        return Templates.texts(pages.context(), view, view.saved(), Map.of(), saved != null);
    }

    @POST
    @Path("texts/{lang}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveTexts(@PathParam("lang") String lang, @FormParam("supportPhone") String supportPhone,
            @FormParam("supportEmail") String supportEmail, @FormParam("supportHours") String supportHours,
            @FormParam("emergencyInstructions") String emergencyInstructions,
            @FormParam("technicalInstructions") String technicalInstructions,
            @FormParam("accessibilityGaps") String accessibilityGaps, @FormParam("statementProvider") String statementProvider,
            @FormParam("statementConformance") String statementConformance, @FormParam("statementDate") String statementDate,
            @FormParam("statementAssessedOn") String statementAssessedOn, @FormParam("statementMethod") String statementMethod,
            @FormParam("statementFeedback") String statementFeedback,
            @FormParam("statementResponseDays") String statementResponseDays) {
        TextsRequest form = new TextsRequest(supportPhone, supportEmail, supportHours, emergencyInstructions, technicalInstructions,
                accessibilityGaps, statementProvider, statementConformance, statementDate, statementAssessedOn, statementMethod,
                statementFeedback, statementResponseDays);
        try {
            texts.save(caller(), lang, form);
        } catch (ApiException e) {
            if (e.fieldErrors().isEmpty()) {
                throw e;
            }
            return Response.status(e.status())
                    .entity(Templates.texts(pages.context(), texts.view(lang), form, errors(e), false)).build();
        }
        return Response.seeOther(URI.create("/admin/readiness/texts/" + lang + "?saved=1")).build();
    }

    private Response refused(ApiException e, ItemView item, List<ReviewView> history, ItemForm form) {
        return Response.status(e.status())
                .entity(Templates.item(pages.context(), item, history, form, errors(e), readiness.owners())).build();
    }

    private ItemDetail detail(long id) {
        return readiness.detail(id, pages.lang(), ReadinessService.today())
                .orElseThrow(() -> ApiException.notFound("readiness-item"));
    }

    /** The form's text fields as a request; a date or owner that does not parse is refused naming its field. */
    private static SaveItemRequest request(ItemForm form) {
        Map<String, String> bad = new HashMap<>();
        Long owner = null;
        if (form.ownerId() != null && !form.ownerId().isBlank()) {
            try {
                owner = Long.valueOf(form.ownerId().strip());
            } catch (NumberFormatException e) {
                bad.put("ownerId", "readiness.error.owner.not-staff");
            }
        }
        LocalDate last = parseDate(form.lastReviewedOn(), "lastReviewedOn", bad);
        LocalDate next = parseDate(form.nextReviewOn(), "nextReviewOn", bad);
        if (!bad.isEmpty()) {
            throw ApiException.invalid(bad.entrySet().stream()
                    .map(b -> new ApiException.FieldError(b.getKey(), b.getValue())).toList());
        }
        return new SaveItemRequest(form.title(), owner, form.evidence(), last, next);
    }

    private static LocalDate parseDate(String text, String field, Map<String, String> bad) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            bad.put(field, "readiness.error.date");
            return null;
        }
    }

    private Map<String, String> errors(ApiException e) {
        return e.fieldErrors().stream().collect(Collectors.toMap(ApiException.FieldError::field,
                f -> pages.t(f.messageKey(), f.args()), (a, b) -> a));
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }
}
