package fi.askel.remote.readiness;

import fi.askel.common.ApiException;
import fi.askel.common.web.Pages;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.remote.readiness.ReadinessViews.Check;
import fi.askel.remote.readiness.ReadinessViews.ItemDetail;
import fi.askel.remote.readiness.ReadinessViews.ItemView;
import fi.askel.remote.readiness.ReadinessViews.Overview;
import fi.askel.remote.readiness.ReadinessViews.SaveItemRequest;
import fi.askel.remote.readiness.ReadinessViews.TextsRequest;
import fi.askel.remote.readiness.ReadinessViews.TextsView;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** The readiness checklist, the platform's evidence and the client-facing texts, for the provider's admin. */
@Path("/api/v1/admin/readiness")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Transactional
public class ReadinessResource {

    private final ReadinessService readiness;
    private final ReadinessEvidence evidence;
    private final ProviderTextStore texts;
    private final Pages pages;
    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    public ReadinessResource(ReadinessService readiness, ReadinessEvidence evidence, ProviderTextStore texts, Pages pages,
            SecurityIdentity identity, HttpServerRequest request) {
        this.readiness = readiness;
        this.evidence = evidence;
        this.texts = texts;
        this.pages = pages;
        this.identity = identity;
        this.request = request;
    }

    /** Every item with its status today, how many are overdue, and the live evidence for data security. */
    @GET
    public Overview overview() {
        var checks = evidence.evaluate("https".equalsIgnoreCase(request.scheme()), pages.lang());
        LocalDate today = ReadinessService.today();
        List<ItemView> items = readiness.items(pages.lang(), today);
        return new Overview(items, items.stream().filter(ItemView::overdue).count(), checks);
    }

    @GET
    @Path("/items/{id}")
    public ItemDetail item(@PathParam("id") long id) {
        return readiness.detail(id, pages.lang(), ReadinessService.today())
                .orElseThrow(() -> ApiException.notFound("readiness-item"));
    }

    /** Adds an item of the provider's own {title, ownerId, evidence?, lastReviewedOn?, nextReviewOn}. */
    @POST
    @Path("/items")
    public Response create(SaveItemRequest body) {
        ItemView item = readiness.create(caller(), body, pages.lang());
        return Response.created(URI.create("/api/v1/admin/readiness/items/" + item.id())).entity(item).build();
    }

    /** Records a review {ownerId, evidence?, lastReviewedOn?, nextReviewOn, title (own items only)}. */
    @PUT
    @Path("/items/{id}")
    public ItemView update(@PathParam("id") long id, SaveItemRequest body) {
        return readiness.update(caller(), id, body, pages.lang());
    }

    /** Verifies the access-log chain now rather than showing the last result. */
    @POST
    @Path("/evidence/access-log")
    @Transactional(Transactional.TxType.NOT_SUPPORTED) // the chain check runs and commits its own JDBC transaction
    public Check recheckAccessLog() {
        return evidence.recheckAccessLog(pages.lang());
    }

    @GET
    @Path("/texts/{lang}")
    public TextsView texts(@PathParam("lang") String lang) {
        return texts.view(lang);
    }

    /** Saves one language's support contacts and instructions; a blank field returns to the default. */
    @PUT
    @Path("/texts/{lang}")
    public TextsView saveTexts(@PathParam("lang") String lang, TextsRequest body) {
        return texts.save(caller(), lang, body);
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
