package fi.askel.rehab.measures;

import fi.askel.common.web.Pages;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.rehab.measures.CourseMeasures.CourseView;
import fi.askel.rehab.measures.CourseMeasures.SetRequest;
import fi.askel.rehab.measures.CourseMeasures.SettingsView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Each course's start and end measures, for the provider's admin. */
@Path("/api/v1/admin/course-measures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Transactional
public class CourseMeasureResource {

    private final CourseMeasures measures;
    private final Pages pages;
    private final SecurityIdentity identity;

    public CourseMeasureResource(CourseMeasures measures, Pages pages, SecurityIdentity identity) {
        this.measures = measures;
        this.pages = pages;
        this.identity = identity;
    }

    /** Every service type with its measures now, the modules that can be measures, and every change with who made it. */
    @GET
    public SettingsView settings() {
        return measures.settings(pages.lang());
    }

    /** Sets a service type's measures {startModules: [slug], endModules: [slug]}; modules need a questionnaire step. */
    @PUT
    @Path("/{serviceType}")
    public CourseView set(@PathParam("serviceType") String serviceType, SetRequest body) {
        return measures.set(identity.getAttribute(Caller.ATTRIBUTE), serviceType, body, pages.lang());
    }
}
