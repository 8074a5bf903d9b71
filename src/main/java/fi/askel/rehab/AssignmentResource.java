package fi.askel.rehab;

import fi.askel.common.ApiException;
import fi.askel.common.RequestLanguage;
import fi.askel.identity.Caller;
import fi.askel.rehab.AssignmentViews.AssignmentDetailView;
import fi.askel.rehab.AssignmentViews.AssignmentView;
import fi.askel.rehab.AssignmentViews.CreateAssignmentRequest;
import fi.askel.rehab.AssignmentViews.ReviewRequest;
import fi.askel.rehab.AssignmentViews.SaveAnswerRequest;
import fi.askel.rehab.AssignmentViews.SaveResult;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.List;

/** Assignments: given by staff, done step by step by the client, submitted, reviewed. */
@Path("/api/v1/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Transactional
public class AssignmentResource {

    private final AssignmentService assignments;
    private final AnswerStore answers;
    private final ReviewService reviews;
    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    public AssignmentResource(AssignmentService assignments, AnswerStore answers, ReviewService reviews,
            SecurityIdentity identity, HttpServerRequest request) {
        this.assignments = assignments;
        this.answers = answers;
        this.reviews = reviews;
        this.identity = identity;
        this.request = request;
    }

    @POST
    @RolesAllowed({"SPECIALIST", "ADMIN"})
    public Response create(CreateAssignmentRequest body) {
        if (body == null) {
            throw ApiException.invalid("body", "error.body.required");
        }
        Assignment a = assignments.assign(caller(), body);
        AssignmentView view = assignments.views(List.of(a), lang()).get(0);
        return Response.created(URI.create("/api/v1/assignments/" + a.id)).entity(view).build();
    }

    /** The caller's own assignments, or with {@code clientId} (staff) one client's. */
    @GET
    public List<AssignmentView> list(@QueryParam("clientId") Long clientId) {
        return assignments.list(caller(), clientId, lang());
    }

    @GET
    @Path("/{id}")
    public AssignmentDetailView get(@PathParam("id") long id) {
        return assignments.detail(caller(), id, lang());
    }

    @PUT
    @Path("/{id}/steps/{stepKey}")
    @RolesAllowed("CLIENT")
    public SaveResult save(@PathParam("id") long id, @PathParam("stepKey") String stepKey, SaveAnswerRequest body) {
        if (body == null) {
            throw ApiException.invalid("body", "error.body.required");
        }
        return answers.save(caller(), id, stepKey, body.answer(), body.done());
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed("CLIENT")
    public AssignmentView submit(@PathParam("id") long id) {
        return assignments.views(List.of(answers.submit(caller(), id)), lang()).get(0);
    }

    @POST
    @Path("/{id}/review")
    @RolesAllowed({"SPECIALIST", "ADMIN"})
    public AssignmentView review(@PathParam("id") long id, ReviewRequest body) {
        if (body == null) {
            throw ApiException.invalid("body", "error.body.required");
        }
        return assignments.views(List.of(reviews.review(caller(), id, body.decision(), body.comment())), lang()).get(0);
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }

    private String lang() {
        return RequestLanguage.resolve(request, identity);
    }
}
