package fi.askel.followup;

import fi.askel.common.ApiException;
import fi.askel.common.Messages;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.content.ModuleCatalog;
import fi.askel.content.ModuleService;
import fi.askel.followup.AnsweredSteps.AnsweredStep;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.rehab.AssignmentService;
import fi.askel.rehab.AssignmentStatus;
import fi.askel.rehab.AssignmentViews.AssignmentDetailView;
import fi.askel.rehab.AssignmentViews.AssignmentView;
import fi.askel.rehab.AssignmentViews.PendingReview;
import fi.askel.rehab.AssignmentViews.ReviewView;
import fi.askel.rehab.RehabAccess;
import fi.askel.rehab.ReviewService;
import fi.askel.rehab.adaptation.Adaptation;
import fi.askel.rehab.adaptation.AdaptationService;
import fi.askel.rehab.adaptation.AdaptationService.AdaptationView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The review queue, oldest first, and a page per submitted exercise with the client's answers and the decision. */
@Path("/reviews")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.SPECIALIST_NAME, Role.ADMIN_NAME})
public class ReviewsPage {

    static final int PAGE_SIZE = 20;

    /** The exercise under review and whose it is. */
    @TemplateData
    public record Subject(Long assignmentId, Long clientId, String clientName, String moduleTitle, String status,
            Instant submittedAt, String note, boolean awaitingReview, AdaptationView adaptation) {}

    /** The decision just saved, shown at the top of the queue. */
    @TemplateData
    public record Saved(String clientName, String moduleTitle, String status) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(PageContext page, Formats fmt, List<PendingReview> reviews, int pageIndex,
                boolean hasNext, long total, Saved saved);
        static native TemplateInstance review(PageContext page, Formats fmt, Subject subject, List<AnsweredStep> steps,
                List<ReviewView> history, FormState state);
    }

    private final ReviewService reviews;
    private final AssignmentService assignments;
    private final RehabAccess access;
    private final ModuleCatalog catalog;
    private final ModuleService modules;
    private final Messages messages;
    private final Pages pages;
    private final SecurityIdentity identity;

    public ReviewsPage(ReviewService reviews, AssignmentService assignments, RehabAccess access, ModuleCatalog catalog,
            ModuleService modules, Messages messages, Pages pages, SecurityIdentity identity) {
        this.reviews = reviews;
        this.assignments = assignments;
        this.access = access;
        this.catalog = catalog;
        this.modules = modules;
        this.messages = messages;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Transactional
    public TemplateInstance queue(@QueryParam("page") @DefaultValue("0") int pageIndex, @QueryParam("saved") Long saved) {
        int index = Math.max(0, pageIndex);
        Caller caller = caller();
        long total = ReviewCounts.pending(access.followedClientIds(caller));
        List<PendingReview> list = reviews.pending(caller, index, PAGE_SIZE, pages.lang());
        return Templates.queue(pages.context(), new Formats(pages.lang()), list, index,
                (long) (index + 1) * PAGE_SIZE < total, total, saved == null ? null : saved(caller, saved));
    }

    @GET
    @Transactional
    @Path("/{id}")
    public TemplateInstance review(@PathParam("id") long id) {
        return render(id, FormState.none());
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") long id, @FormParam("decision") String decision, @FormParam("comment") String comment) {
        try {
            reviews.review(caller(), id, decision, comment);
            return Response.seeOther(URI.create("/reviews?saved=" + id)).build();
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw e;
            }
            Map<String, String> values = Map.of("decision", decision == null ? "" : decision, "comment", comment == null ? "" : comment);
            return Response.status(e.status()).entity(render(id, FormState.rejected("review", values, e, pages, Map.of()))).build();
        }
    }

    @Transactional // also when a refused form is shown again: its action's transaction has ended
    TemplateInstance render(long id, FormState state) {
        Caller caller = caller();
        String lang = pages.lang();
        AssignmentDetailView detail = assignments.detail(caller, id, lang);
        AssignmentView a = detail.assignment();
        String clientName = access.requireClient(caller, a.clientId()).displayName;
        var module = catalog.find(a.moduleSlug(), a.moduleVersion())
                .orElseThrow(() -> new IllegalStateException("Module " + a.moduleSlug() + " v" + a.moduleVersion() + " is missing"));
        Subject subject = new Subject(a.id(), a.clientId(), clientName, a.moduleTitle(), a.status().name(), a.submittedAt(),
                a.note(), a.status() == AssignmentStatus.SUBMITTED, detail.adaptation());
        // Loaded with the assignment by the detail above: no query of its own.
        Adaptation adaptation = AdaptationService.of(access.requireAssignment(caller, id));
        List<AnsweredStep> steps = new AnsweredSteps(messages, lang).of(module, modules.view(module, lang), detail.steps(), adaptation);
        return Templates.review(pages.context(), new Formats(lang), subject, steps, detail.reviews(), state);
    }

    /** What was just decided, if the caller may still see it; otherwise nothing is said. */
    private Saved saved(Caller caller, long id) {
        try {
            AssignmentView a = assignments.detail(caller, id, pages.lang()).assignment();
            return new Saved(access.requireClient(caller, a.clientId()).displayName, a.moduleTitle(), a.status().name());
        } catch (ApiException e) {
            return null;
        }
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
