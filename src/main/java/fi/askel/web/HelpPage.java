package fi.askel.web;

import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Technical support and the instructions for emergencies and technical problems. Public: someone
 * who cannot sign in needs them most.
 */
@Path("/help")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class HelpPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(PageContext page);
        static native TemplateInstance emergency(PageContext page);
        static native TemplateInstance support(PageContext page);
    }

    private final Pages pages;

    public HelpPage(Pages pages) {
        this.pages = pages;
    }

    @GET
    public TemplateInstance index() {
        return Templates.index(pages.context());
    }

    @GET
    @Path("emergency")
    public TemplateInstance emergency() {
        return Templates.emergency(pages.context());
    }

    @GET
    @Path("support")
    public TemplateInstance support() {
        return Templates.support(pages.context());
    }
}
