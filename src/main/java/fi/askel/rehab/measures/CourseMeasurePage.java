package fi.askel.rehab.measures;

import fi.askel.common.ApiException;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.rehab.measures.CourseMeasures.SetRequest;
import fi.askel.rehab.measures.CourseMeasures.SettingsView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The admin's page of each course's start and end measures, with who changed them and when. */
@Path("/admin/course-measures")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class CourseMeasurePage {

    /** A refused form as the admin left it: the course, the modules ticked, and what was wrong by field. */
    public record Refused(String serviceType, List<String> start, List<String> end, Map<String, String> errors) {

        static final Refused NONE = new Refused("", List.of(), List.of(), Map.of());

        public boolean any() {
            return !errors.isEmpty();
        }

        /** Whether a box is ticked: as the admin left it in the refused form of this course, else as saved. */
        public boolean checked(CourseMeasures.CourseView course, String field, String slug) {
            return course.serviceType().equals(serviceType) ? (START.equals(field) ? start : end).contains(slug)
                    : course.has(field, slug);
        }

        /** The error of a form field ({@code start}, {@code end}) of this course, named in the API as xxxModules. */
        public String error(String course, String field) {
            return course.equals(serviceType) ? errors.get(field + "Modules") : null;
        }
    }

    static final String START = "start";
    static final List<String> FIELDS = List.of(START, "end");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance measures(PageContext page, SettingsView settings, List<String> fields, Refused refused,
                String saved);
    }

    private final CourseMeasures measures;
    private final Pages pages;
    private final SecurityIdentity identity;

    public CourseMeasurePage(CourseMeasures measures, Pages pages, SecurityIdentity identity) {
        this.measures = measures;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Transactional
    public TemplateInstance measures(@QueryParam("saved") String saved) {
        return Templates.measures(pages.context(), measures.settings(pages.lang()), FIELDS, Refused.NONE, saved);
    }

    @POST
    @Path("{serviceType}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("serviceType") String serviceType, @FormParam("start") List<String> start,
            @FormParam("end") List<String> end) {
        List<String> s = start == null ? List.of() : start;
        List<String> e = end == null ? List.of() : end;
        try {
            measures.set(identity.getAttribute(Caller.ATTRIBUTE), serviceType, new SetRequest(s, e), pages.lang());
        } catch (ApiException ex) {
            if (ex.fieldErrors().isEmpty()) {
                throw ex;
            }
            Map<String, String> errors = ex.fieldErrors().stream().collect(Collectors.toMap(f -> f.field(),
                    f -> pages.t(f.messageKey(), f.args()), (a, b) -> a + " " + b));
            return Response.status(ex.status()).entity(Templates.measures(pages.context(), measures.settings(pages.lang()),
                    FIELDS, new Refused(serviceType, s, e, errors), null)).build();
        }
        return Response.seeOther(URI.create("/admin/course-measures?saved=" + serviceType + "#course-" + serviceType)).build();
    }
}
