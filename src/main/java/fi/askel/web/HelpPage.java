package fi.askel.web;

import fi.askel.common.web.AccessibilityStatement;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.content.ModuleService;
import fi.askel.content.ModuleViews.SafetyView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Technical support, the instructions for emergencies and technical problems, the plain-language guide of
 * each role ({@link HelpGuides}) and the accessibility statement. Public: someone who cannot sign in needs them most.
 */
@Path("/help")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class HelpPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(PageContext page, java.util.List<HelpGuides.Guide> guides);
        static native TemplateInstance guide(PageContext page, HelpGuides.Guide guide);
        static native TemplateInstance emergency(PageContext page, SafetyView safety);
        static native TemplateInstance support(PageContext page);
        static native TemplateInstance accessibility(PageContext page, AccessibilityStatement.View statement);
    }

    private final Pages pages;
    private final ModuleService modules;
    private final AccessibilityStatement statement;

    public HelpPage(Pages pages, ModuleService modules, AccessibilityStatement statement) {
        this.pages = pages;
        this.modules = modules;
        this.statement = statement;
    }

    @GET
    public TemplateInstance index() {
        return Templates.index(pages.context(), HelpGuides.ALL);
    }

    /** The plain-language guide for a role, public like the rest: the first sign-in is where people get stuck. */
    @GET
    @Path("{role: client|specialist|admin}")
    public TemplateInstance guide(@PathParam("role") String role) {
        return Templates.guide(pages.context(), HelpGuides.forRole(role).orElseThrow(NotFoundException::new));
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

    /** The accessibility statement the law on digital services requires: public, like the rest of the help. */
    @GET
    @Path("accessibility")
    public TemplateInstance accessibility() {
        PageContext page = pages.context();
        return Templates.accessibility(page, statement.view(page.lang));
    }
}
