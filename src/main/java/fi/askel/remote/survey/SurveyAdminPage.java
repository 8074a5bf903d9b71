package fi.askel.remote.survey;

import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.identity.Role;
import fi.askel.remote.survey.SurveyAnswer.Statement;
import fi.askel.remote.survey.SurveyAnswer.Technical;
import fi.askel.remote.survey.SurveyViews.Summary;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.transaction.Transactional;
import java.util.List;

/** The survey's results over all periods as a chart with the same numbers in a table; small groups suppressed. */
@Path("/admin/surveys")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
@Transactional
public class SurveyAdminPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance summary(PageContext page, Summary s, List<Statement> statements, List<Technical> technicals);
    }

    private final SurveyResults results;
    private final Pages pages;

    public SurveyAdminPage(SurveyResults results, Pages pages) {
        this.results = results;
        this.pages = pages;
    }

    @GET
    public TemplateInstance summary() {
        return Templates.summary(pages.context(), results.summary(null, null, pages.lang()),
                List.of(Statement.values()), List.of(Technical.values()));
    }
}
