package fi.askel.content.authoring;

import fi.askel.content.authoring.ReviewService.Review;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A draft's review, for specialists with the authoring permission (403 for everyone else). {@code POST} sends the
 * draft to review (422 naming each missing Finnish or Swedish text and each problem the loader finds); {@code /approve}
 * publishes it as the module's next version (409 for the specialist who made the latest change: a second one
 * decides); {@code /return} sends it back to be edited with a {@code comment}. While in review the draft cannot be
 * changed (409). Each answers the review: status, comments with who and when, the module's versions.
 */
@Path("/api/v1/authoring/drafts/{id}/review")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.SPECIALIST_NAME)
public class ReviewResource {

    /** A note: optional when sending or approving, what should change when sending back. */
    public record ReviewRequest(String comment) {}

    private final DraftService drafts;
    private final ReviewService reviews;
    private final SecurityIdentity identity;

    public ReviewResource(DraftService drafts, ReviewService reviews, SecurityIdentity identity) {
        this.drafts = drafts;
        this.reviews = reviews;
        this.identity = identity;
    }

    @GET
    @Transactional
    public Review get(@PathParam("id") long id) {
        return reviews.review(caller(), drafts.find(caller(), id));
    }

    @POST
    @Transactional
    public Review send(@PathParam("id") long id, ReviewRequest body) {
        return reviews.review(caller(), reviews.send(caller(), id, comment(body)));
    }

    @POST
    @Path("/approve")
    @Transactional
    public Review approve(@PathParam("id") long id, ReviewRequest body) {
        return reviews.review(caller(), reviews.approve(caller(), id, comment(body)));
    }

    @POST
    @Path("/return")
    @Transactional
    public Review sendBack(@PathParam("id") long id, ReviewRequest body) {
        return reviews.review(caller(), reviews.sendBack(caller(), id, comment(body)));
    }

    private static String comment(ReviewRequest body) {
        return body == null ? null : body.comment();
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
