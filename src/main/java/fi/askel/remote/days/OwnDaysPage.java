package fi.askel.remote.days;

import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.followup.Formats;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.remote.days.DayViews.PeriodDays;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.transaction.Transactional;
import java.util.List;

/** The client's own remote-rehabilitation days, read-only. */
@Path("/remote-days")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.CLIENT_NAME)
@Transactional
public class OwnDaysPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance own(PageContext page, Formats fmt, List<PeriodDays> periods);
    }

    private final DayService days;
    private final Pages pages;
    private final SecurityIdentity identity;

    public OwnDaysPage(DayService days, Pages pages, SecurityIdentity identity) {
        this.days = days;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    public TemplateInstance own() {
        return Templates.own(pages.context(), new Formats(pages.lang()), days.own(identity.getAttribute(Caller.ATTRIBUTE)));
    }
}
