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
import jakarta.ws.rs.GET;
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
        /** {@code pdf}: pictures as their descriptions (the PDF renderer draws no SVG). */
        static native TemplateInstance summary(PageContext page, Formats fmt, Summary s, boolean pdf);
        static native TemplateInstance pdf(PageContext page, Formats fmt, Summary s, boolean pdf);
    }

    private final SummaryService summaries;
    private final PdfRenderer pdf;
    private final Pages pages;
    private final SecurityIdentity identity;

    public SummaryPage(SummaryService summaries, PdfRenderer pdf, Pages pages, SecurityIdentity identity) {
        this.summaries = summaries;
        this.pdf = pdf;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Path("/{id}/summary")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance summary(@PathParam("id") long id) {
        return Templates.summary(pages.context(), new Formats(pages.lang()), summaries.summary(caller(), id, pages.lang()), false);
    }

    @GET
    @Path("/{id}/summary.pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") long id) {
        Summary s = summaries.summary(caller(), id, pages.lang(), AccessKind.SUMMARY_PDF);
        byte[] bytes = pdf.render(Templates.pdf(pages.context(), new Formats(pages.lang()), s, true).render());
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
