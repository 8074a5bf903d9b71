package fi.askel.remote.survey;

import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.followup.Formats;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.remote.survey.SurveyViews.AnswerView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.transaction.Transactional;
import java.util.List;

/** A client's survey answers for their specialists (free texts included) and admins (without). */
@Path("/clients")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.SPECIALIST_NAME, Role.ADMIN_NAME})
@Transactional
public class SurveyStaffPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance client(PageContext page, Formats fmt, long clientId, List<AnswerView> answers);
    }

    private final SurveyService surveys;
    private final Pages pages;
    private final SecurityIdentity identity;

    public SurveyStaffPage(SurveyService surveys, Pages pages, SecurityIdentity identity) {
        this.surveys = surveys;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Path("/{clientId}/surveys")
    public TemplateInstance client(@PathParam("clientId") long clientId) {
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        return Templates.client(pages.context(), new Formats(pages.lang()), clientId, surveys.forClient(caller, clientId));
    }
}
