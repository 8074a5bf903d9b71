package fi.askel.remote.survey;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.common.web.Pages;
import fi.askel.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import jakarta.transaction.Transactional;

/** Results over all periods, groups under the threshold suppressed (after filtering), no free texts. */
@Path("/api/v1/admin/surveys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Transactional
public class AdminSurveyResource {

    private final SurveyResults results;
    private final SurveyFilters filters;
    private final Pages pages;

    public AdminSurveyResource(SurveyResults results, SurveyFilters filters, Pages pages) {
        this.results = results;
        this.filters = filters;
        this.pages = pages;
    }

    /**
     * {@code from}/{@code to}: days answered (YYYY-MM-DD, inclusive); {@code serviceType}; {@code peerGroupId}:
     * the periods of one course group; {@code specialistId}: one specialist's periods. All optional.
     */
    @GET
    @Path("/summary")
    public SurveyViews.Summary summary(@QueryParam("specialistId") String specialistId,
            @QueryParam("serviceType") String serviceType, @QueryParam("peerGroupId") String peerGroupId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        List<FieldError> errors = new ArrayList<>();
        SurveyResults.Filter filter = filters.parse(new SurveyFilters.Typed(from, to, serviceType, peerGroupId, specialistId), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return results.summary(filter, pages.lang());
    }
}
