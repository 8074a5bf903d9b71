package fi.askel.content;

import fi.askel.common.ApiException;
import fi.askel.common.Messages;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.content.ModuleViews.Label;
import fi.askel.content.ModuleViews.ModuleSummaryView;
import fi.askel.content.ModuleViews.ModuleView;
import fi.askel.content.authoring.DraftService;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.transaction.Transactional;
import java.util.List;

/** The catalog of exercise modules and a page per module showing its steps. */
@Path("/modules")
@Produces(MediaType.TEXT_HTML)
@Authenticated
@Transactional
public class ModulesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalog(PageContext page, List<ModuleSummaryView> modules, List<Label> themes,
                String theme, boolean author);
        static native TemplateInstance module(PageContext page, ModuleView module, boolean author);
    }

    private final ModuleService modules;
    private final Pages pages;
    private final DraftService drafts;
    private final SecurityIdentity identity;

    public ModulesPage(ModuleService modules, Pages pages, DraftService drafts,
            SecurityIdentity identity) {
        this.modules = modules;
        this.pages = pages;
        this.drafts = drafts;
        this.identity = identity;
    }

    @GET
    public TemplateInstance catalog(@QueryParam("theme") String theme) {
        String selected = theme != null && Module.THEMES.contains(theme) ? theme : "";
        return Templates.catalog(pages.context(), modules.list(pages.lang(), selected), modules.themes(pages.lang()), selected,
                isAuthor());
    }

    @GET
    @Path("/{slug}")
    public TemplateInstance module(@PathParam("slug") String slug) {
        String lang = Messages.language(pages.lang());
        return Templates.module(pages.context(),
                modules.find(slug, null, lang).orElseThrow(() -> ApiException.notFound("module")), isAuthor());
    }

    /** Only specialists can hold the authoring permission: nobody else pays for the question. */
    private boolean isAuthor() {
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        return caller != null && caller.role() == Role.SPECIALIST && drafts.isAuthor(caller);
    }
}
