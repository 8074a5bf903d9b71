package fi.askel.content.authoring;

import fi.askel.common.ApiException;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.content.authoring.HistoryService.History;
import fi.askel.content.diff.DiffViews.ModuleDiff;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A module's versions for authors, and what changed between two of them ({@code diff?from=&to=}; by default the
 * newest against the one before it). Plain links and a GET form: nothing here needs JavaScript.
 */
@Path("/authoring/modules/{slug}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.SPECIALIST_NAME)
public class HistoryPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(PageContext page, History history);
        static native TemplateInstance diff(PageContext page, History history, ModuleDiff diff, int to);
    }

    private final HistoryService service;
    private final Pages pages;
    private final SecurityIdentity identity;

    public HistoryPage(HistoryService service, Pages pages, SecurityIdentity identity) {
        this.service = service;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Path("/history")
    @Transactional
    public TemplateInstance history(@PathParam("slug") String slug) {
        return Templates.history(pages.context(), service.history(caller(), slug, pages.lang()));
    }

    /** {@code diff} is null when {@code to} is the first version: there is nothing before it to compare with. */
    @GET
    @Path("/diff")
    @Transactional
    public TemplateInstance diff(@PathParam("slug") String slug, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        History history = service.history(caller(), slug, pages.lang());
        int newer = to != null ? to : history.versions().get(0).version();
        if (history.versions().stream().noneMatch(v -> v.version() == newer)) {
            throw ApiException.notFound("version");
        }
        Integer older = from != null ? from : history.before(newer);
        ModuleDiff diff = older == null ? null : service.diff(caller(), slug, older, newer, pages.lang());
        return Templates.diff(pages.context(), history, diff, newer);
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
