package fi.askel.rehab;

import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.content.ModuleService;
import fi.askel.content.ModuleViews.ImageView;
import fi.askel.identity.Caller;
import fi.askel.rehab.AssignmentViews.AssignmentView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client's exercise programme to print and keep on the fridge: the exercises of their current modules with
 * pictures, amount and instructions, one exercise per block that a printed page does not split.
 */
@Path("/programme")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("CLIENT")
public class ProgrammePage {

    /** One exercise as printed: its module, amount (sets, reps or minutes, how often), pictures and instructions. */
    @TemplateData
    public record Exercise(String module, String title, String dose, List<ImageView> images, String instructionsHtml) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance programme(PageContext page, List<Exercise> exercises);
    }

    private final AssignmentService assignments;
    private final ModuleService modules;
    private final Pages pages;
    private final SecurityIdentity identity;

    public ProgrammePage(AssignmentService assignments, ModuleService modules, Pages pages, SecurityIdentity identity) {
        this.assignments = assignments;
        this.modules = modules;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Transactional
    public TemplateInstance programme() {
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        String lang = pages.lang();
        // the client's own assignments that are not finished; a module assigned twice is printed once, as last assigned
        Map<String, AssignmentView> current = new LinkedHashMap<>();
        assignments.list(caller, null, lang).stream().filter(a -> a.status() != AssignmentStatus.APPROVED)
                .forEach(a -> current.putIfAbsent(a.moduleSlug(), a));
        List<Exercise> exercises = current.values().stream()
                .flatMap(a -> modules.find(a.moduleSlug(), a.moduleVersion(), lang).stream())
                .flatMap(m -> m.steps().stream().filter(s -> s.dose() != null).map(s -> new Exercise(m.title(), s.title(),
                        s.dose().text(), s.images() == null ? List.of() : s.images(), s.bodyHtml())))
                .toList();
        return Templates.programme(pages.context(), exercises);
    }
}
