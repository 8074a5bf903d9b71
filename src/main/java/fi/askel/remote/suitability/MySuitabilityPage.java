package fi.askel.remote.suitability;

import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.followup.Formats;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.remote.suitability.SuitabilityViews.SuitabilityView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The client's own page: what was recorded when their specialist assessed with them whether remote
 * rehabilitation suits them, in their language, printable. Rooted at / like the other /me pages.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.CLIENT_NAME)
public class MySuitabilityPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(PageContext page, Formats fmt, List<SuitabilityView> periods,
                boolean consentGiven, java.time.Instant consentSince);
    }

    private final SuitabilityService service;
    private final Pages pages;
    private final SecurityIdentity identity;

    public MySuitabilityPage(SuitabilityService service, Pages pages, SecurityIdentity identity) {
        this.service = service;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Path("me/suitability")
    @Transactional
    public TemplateInstance mine() {
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        var consent = service.remoteConsent(caller.id());
        return Templates.mine(pages.context(), new Formats(pages.lang()), service.ownViews(caller), consent.given(),
                consent.since());
    }
}
