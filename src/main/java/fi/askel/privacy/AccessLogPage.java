package fi.askel.privacy;

import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.privacy.AccessLogViews.MyAccessView;
import fi.askel.privacy.AccessLogViews.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.transaction.Transactional;

/** "Who has looked at my data": the client's own access log, with their right to know explained. */
@Path("/access-log")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.CLIENT_NAME)
@Transactional
public class AccessLogPage {

    static final int PAGE_SIZE = 25;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(PageContext page, Page<MyAccessView> log);
    }

    private final AccessLogSearch search;
    private final Pages pages;
    private final SecurityIdentity identity;

    public AccessLogPage(AccessLogSearch search, Pages pages, SecurityIdentity identity) {
        this.search = search;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    public TemplateInstance mine(@QueryParam("page") @DefaultValue("0") int pageIndex) {
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        return Templates.mine(pages.context(), search.mine(caller, Math.max(0, pageIndex), PAGE_SIZE, pages.lang()));
    }
}
