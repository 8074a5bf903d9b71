package fi.askel.remote.survey;

import fi.askel.common.web.Pages;
import fi.askel.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.transaction.Transactional;

/** Results over all periods, groups under the threshold suppressed, no free texts. */
@Path("/api/v1/admin/surveys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Transactional
public class AdminSurveyResource {

    private final SurveyResults results;
    private final Pages pages;

    public AdminSurveyResource(SurveyResults results, Pages pages) {
        this.results = results;
        this.pages = pages;
    }

    @GET
    @Path("/summary")
    public SurveyViews.Summary summary(@QueryParam("specialistId") Long specialistId,
            @QueryParam("serviceType") String serviceType) {
        return results.summary(specialistId, serviceType, pages.lang());
    }
}
