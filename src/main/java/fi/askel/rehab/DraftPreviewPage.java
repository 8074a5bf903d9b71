package fi.askel.rehab;

import fi.askel.common.Messages;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.content.Module;
import fi.askel.content.ModuleService;
import fi.askel.content.ModuleViews.StepView;
import fi.askel.content.authoring.DraftPictureResource;
import fi.askel.content.authoring.DraftService;
import fi.askel.content.steps.Step;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A module draft as a client would see it, step by step, in any of its languages: the client's own step
 * templates (steps/&lt;type&gt;/form.html) with an empty answer, read-only. No assignment is made and
 * nothing is saved. Here in rehab because the step page is the client's; the draft comes from
 * content.authoring, which checks the authoring permission.
 */
@Path("/authoring/drafts/{id}/preview")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.SPECIALIST_NAME)
public class DraftPreviewPage {

    /** A step in the preview's step list. */
    @TemplateData
    public record StepLink(int index, String title, boolean current) {}

    /** How wide the client's screen is shown: a phone's 390 CSS pixels, or the page's full width. */
    public static final List<String> VIEWS = List.of("phone", "desktop");

    /** What the preview shows around the client's step; {@code view}: one of {@link #VIEWS}. */
    @TemplateData
    public record Preview(long draftId, String moduleTitle, String lang, int index, List<StepLink> steps, String view) {

        public List<String> views() {
            return VIEWS;
        }

        /** This preview's address with the given step, language and view. */
        public String link(int step, String language, String width) {
            return "/authoring/drafts/" + draftId + "/preview?step=" + step + "&lang=" + language + "&view=" + width;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance step(PageContext page, Preview preview, StepPage view);
    }

    private final DraftService drafts;
    private final ModuleService modules;
    private final Pages pages;
    private final SecurityIdentity identity;

    public DraftPreviewPage(DraftService drafts, ModuleService modules, Pages pages, SecurityIdentity identity) {
        this.drafts = drafts;
        this.modules = modules;
        this.pages = pages;
        this.identity = identity;
    }

    /**
     * {@code step}: its place in the module from 0 (the first by default); {@code lang}: the module's language;
     * {@code view} (width): phone (390 px wide) or desktop (the default; anything else is read as desktop).
     */
    @GET
    @Transactional
    public Response preview(@PathParam("id") long id, @QueryParam("step") Integer step, @QueryParam("lang") String lang,
            @QueryParam("view") String width) {
        Module module = drafts.preview(identity.getAttribute(Caller.ATTRIBUTE), id);
        if (module == null) {
            return Response.seeOther(URI.create("/authoring/drafts/" + id)).build(); // the editor says what to fix first
        }
        String l = lang == null ? pages.lang() : Messages.language(lang);
        List<StepView> views = modules.preview(module, l, DraftPictureResource.url(id)).steps();
        int i = step == null ? 0 : Math.max(0, Math.min(step, views.size() - 1));
        Step definition = module.steps().get(i);
        StepView view = views.get(i);
        String title = module.title().get(l);
        StepPage page = new StepPage(null, title, AssignmentStatus.IN_PROGRESS, false, view, i + 1, views.size(), 0, false, 0,
                i > 0 ? views.get(i - 1).key() : null, i + 1 < views.size() ? views.get(i + 1).key() : null,
                definition.form(null), false, Map.of(), null, null, null, null,
                definition.showsCourseSoFar() ? new CourseSoFar(List.of(), List.of()) : null, null, null, false);
        List<StepLink> links = IntStream.range(0, views.size()).mapToObj(n -> new StepLink(n, views.get(n).title(), n == i))
                .toList();
        return Response.ok(Templates.step(pages.context(), new Preview(id, title, l, i, links, "phone".equals(width) ? "phone" : "desktop"), page)).build();
    }
}
