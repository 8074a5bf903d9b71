package fi.askel.remote.survey;

import fi.askel.common.ApiException.FieldError;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.remote.survey.SurveyAnswer.Statement;
import fi.askel.remote.survey.SurveyAnswer.Technical;
import fi.askel.remote.survey.SurveyViews.Summary;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The survey's results as a chart with the same numbers in a table, filtered by period answered, service type,
 * course group and specialist; groups under the threshold suppressed after filtering.
 */
@Path("/admin/surveys")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
@Transactional
public class SurveyAdminPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance summary(PageContext page, Summary s, List<Statement> statements, List<Technical> technicals,
                SurveyFilters.Typed filter, Map<String, String> errors, List<SurveyFilters.Option> serviceTypes,
                List<SurveyFilters.Option> groups, List<SurveyFilters.Option> specialists);
    }

    private final SurveyResults results;
    private final SurveyFilters filters;
    private final Pages pages;
    private final SecurityIdentity identity;

    public SurveyAdminPage(SurveyResults results, SurveyFilters filters, Pages pages, SecurityIdentity identity) {
        this.results = results;
        this.filters = filters;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Transactional
    public Response summary(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("serviceType") String serviceType, @QueryParam("peerGroupId") String peerGroupId,
            @QueryParam("specialistId") String specialistId) {
        SurveyFilters.Typed typed = new SurveyFilters.Typed(nullToEmpty(from), nullToEmpty(to), nullToEmpty(serviceType),
                nullToEmpty(peerGroupId), nullToEmpty(specialistId));
        List<FieldError> problems = new ArrayList<>();
        SurveyResults.Filter filter = filters.parse(typed, problems);
        Map<String, String> errors = new HashMap<>();
        problems.forEach(f -> errors.putIfAbsent(f.field(), pages.t(f.messageKey(), f.args())));
        Summary s = errors.isEmpty() ? results.summary(filter, pages.lang()) : null;
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        return Response.status(errors.isEmpty() ? 200 : 400).entity(Templates.summary(pages.context(), s,
                List.of(Statement.values()), List.of(Technical.values()), typed, errors, filters.serviceTypes(),
                filters.peerGroups(caller), filters.specialists())).build();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
