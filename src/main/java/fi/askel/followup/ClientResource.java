package fi.askel.followup;

import fi.askel.common.RequestLanguage;
import fi.askel.followup.FollowupViews.ClientListItem;
import fi.askel.followup.FollowupViews.ClientOverview;
import fi.askel.identity.Caller;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Following up clients: the caller's clients with what needs attention (staff only), and one
 * client's overview. A client, or a specialist not responsible for the client, gets 404.
 * Rooted at /api/v1 like the goal endpoints, which share the /clients/{id} prefix: a resource class
 * at /api/v1/clients would be matched first and hide them.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Transactional
public class ClientResource {

    private final ClientOverviewService overviews;
    private final DiaryFollowup diaries;
    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    public ClientResource(ClientOverviewService overviews, DiaryFollowup diaries, SecurityIdentity identity,
            HttpServerRequest request) {
        this.overviews = overviews;
        this.diaries = diaries;
        this.identity = identity;
        this.request = request;
    }

    /** Flags: HIGH_PAIN, QUESTIONNAIRE_WORSENING, NO_ACTIVITY_7_DAYS; the most urgent clients first. */
    @GET
    @Path("/clients")
    public List<ClientListItem> list() {
        return overviews.clients(caller());
    }

    @GET
    @Path("/clients/{id}/overview")
    public ClientOverview overview(@PathParam("id") long id) {
        return overviews.overview(caller(), id, RequestLanguage.resolve(request, identity));
    }

    /** The client's diary entries (sleep diary, blood-glucose log, weekly check-ins), oldest first within each diary. */
    @GET
    @Path("/clients/{id}/diaries")
    public List<DiaryFollowup.DiaryEntryView> diaries(@PathParam("id") long id) {
        return diaries.entries(caller(), id);
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
