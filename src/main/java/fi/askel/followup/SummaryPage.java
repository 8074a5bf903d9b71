package fi.askel.followup;

import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.followup.SummaryService.Summary;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.privacy.AccessKind;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import fi.askel.content.ModuleImages;
import jakarta.ws.rs.GET;
import java.util.HashMap;
import java.util.Map;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.transaction.Transactional;

/** The client's rehabilitation summary as a printable page and as a PDF download. */
@Path("/clients")
@RolesAllowed({Role.SPECIALIST_NAME, Role.ADMIN_NAME})
@Transactional
public class SummaryPage {

    @CheckedTemplate
    static class Templates {
        /**
         * {@code pdf}: the PDF, whose pictures come inside the document ({@code pictures}: data URI by picture URL);
         * a picture it can't draw (WebP) is given as its description.
         */
        static native TemplateInstance summary(PageContext page, Formats fmt, Summary s, boolean pdf, Map<String, String> pictures);
        static native TemplateInstance pdf(PageContext page, Formats fmt, Summary s, boolean pdf, Map<String, String> pictures);
    }

    private final SummaryService summaries;
    private final PdfRenderer pdf;
    private final Pages pages;
    private final SecurityIdentity identity;
    private final ModuleImages images;

    public SummaryPage(SummaryService summaries, PdfRenderer pdf, Pages pages, SecurityIdentity identity, ModuleImages images) {
        this.images = images;
        this.summaries = summaries;
        this.pdf = pdf;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Path("/{id}/summary")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance summary(@PathParam("id") long id) {
        return Templates.summary(pages.context(), new Formats(pages.lang()), summaries.summary(caller(), id, pages.lang()), false,
                Map.of());
    }

    @GET
    @Path("/{id}/summary.pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") long id) {
        Summary s = summaries.summary(caller(), id, pages.lang(), AccessKind.SUMMARY_PDF);
        Map<String, String> pictures = new HashMap<>();
        s.exercises().forEach(e -> e.images().forEach(i -> images.dataUri(i.url()).ifPresent(uri -> pictures.put(i.url(), uri))));
        byte[] bytes = pdf.render(Templates.pdf(pages.context(), new Formats(pages.lang()), s, true, pictures).render());
        String filename = pages.t("summary.filename") + "-" + s.username() + "-" + s.generatedOn() + ".pdf";
        return Response.ok(bytes, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
