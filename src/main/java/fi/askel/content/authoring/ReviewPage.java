package fi.askel.content.authoring;

import fi.askel.common.ApiException;
import fi.askel.common.Messages;
import fi.askel.common.web.Pages;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The review forms on the module editor's page: send to review, approve and publish, send back with a comment. A
 * refusal shows the module page again with what is missing or wrong, one line each, in the reader's language.
 */
@Path("/authoring/drafts/{id}/review")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@RolesAllowed(Role.SPECIALIST_NAME)
public class ReviewPage {

    private final DraftService drafts;
    private final ReviewService reviews;
    private final EditorViews views;
    private final Pages pages;
    private final Messages messages;
    private final SecurityIdentity identity;

    public ReviewPage(DraftService drafts, ReviewService reviews, EditorViews views, Pages pages, Messages messages,
            SecurityIdentity identity) {
        this.drafts = drafts;
        this.reviews = reviews;
        this.views = views;
        this.pages = pages;
        this.messages = messages;
        this.identity = identity;
    }

    @POST
    @Transactional
    public Response send(@PathParam("id") long id, @FormParam("comment") String comment) {
        return act(id, "sent", () -> reviews.send(caller(), id, comment));
    }

    @POST
    @Path("/approve")
    @Transactional
    public Response approve(@PathParam("id") long id, @FormParam("comment") String comment) {
        return act(id, "approved", () -> reviews.approve(caller(), id, comment));
    }

    @POST
    @Path("/return")
    @Transactional
    public Response sendBack(@PathParam("id") long id, @FormParam("comment") String comment) {
        return act(id, "returned", () -> reviews.sendBack(caller(), id, comment));
    }

    private Response act(long id, String done, Supplier<Draft> action) {
        try {
            action.get();
            return AuthoringPage.toDraft(id, "?done=" + done);
        } catch (ApiException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            List<String> lines = new ArrayList<>();
            e.fieldErrors().forEach(f -> lines.add(where(f.field()) + pages.t(f.messageKey(), f.args())));
            Draft draft = drafts.find(caller(), id);
            Map<String, Object> tree = drafts.tree(draft);
            DraftService.Outcome shown = new DraftService.Outcome(draft, tree, drafts.check(draft, tree), true, false);
            return Response.status(e.status()).entity(AuthoringPage.Templates.module(pages.context(),
                    views.module(draft, shown, pages.lang(), null, pages.t(e.messageKey(), e.args()), lines))).build();
        }
    }

    /** A draft path as a reader names the place: {@code definition.steps.2.title.sv} is "Step 3 › Title: ". */
    private String where(String field) {
        if (!field.equals("definition") && !field.startsWith("definition.")) {
            return "";
        }
        String name = new FieldLabels(messages, pages.lang()).name(field.substring("definition".length()).replaceFirst("^\\.", ""));
        return name.isEmpty() ? "" : name + ": ";
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
