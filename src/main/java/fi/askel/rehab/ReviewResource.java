package fi.askel.rehab;

import fi.askel.common.ApiException;
import fi.askel.common.RequestLanguage;
import fi.askel.identity.Caller;
import fi.askel.rehab.AssignmentViews.PendingReview;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.transaction.Transactional;
import java.util.List;

@Path("/api/v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"SPECIALIST", "ADMIN"})
@Transactional
public class ReviewResource {

    private final ReviewService reviews;
    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    public ReviewResource(ReviewService reviews, SecurityIdentity identity, HttpServerRequest request) {
        this.reviews = reviews;
        this.identity = identity;
        this.request = request;
    }

    /** The review queue: {@code status=PENDING} (the default), oldest first, {@code page} from 0. */
    @GET
    public List<PendingReview> pending(@QueryParam("status") @DefaultValue("PENDING") String status,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        if (!"PENDING".equals(status)) {
            throw ApiException.invalid("status", "rehab.review.status-invalid");
        }
        if (page < 0 || size < 1 || size > 200) {
            throw ApiException.invalid(page < 0 ? "page" : "size", "error.paging");
        }
        return reviews.pending(identity.getAttribute(Caller.ATTRIBUTE), page, size, RequestLanguage.resolve(request, identity));
    }
}
