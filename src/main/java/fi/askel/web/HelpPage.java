package fi.askel.web;

import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.content.ModuleService;
import fi.askel.content.ModuleViews.SafetyView;
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
        static native TemplateInstance emergency(PageContext page, SafetyView safety);
        static native TemplateInstance support(PageContext page);
    }

    private final Pages pages;
    private final ModuleService modules;

    public HelpPage(Pages pages, ModuleService modules) {
        this.pages = pages;
        this.modules = modules;
    }

    @GET
    public TemplateInstance index() {
        return Templates.index(pages.context());
    }

    @GET
    @Path("emergency")
    public TemplateInstance emergency() {
        PageContext page = pages.context();
        // The same red-flag advice the modules include, word for word (exercises/_safety).
        return Templates.emergency(page, modules.safety(page.lang));
    }

    @GET
    @Path("support")
    public TemplateInstance support() {
        return Templates.support(pages.context());
    }
}
