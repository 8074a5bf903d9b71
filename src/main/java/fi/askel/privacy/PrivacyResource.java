package fi.askel.privacy;

import fi.askel.common.ApiException;
import fi.askel.common.Messages;
import fi.askel.common.web.Pages;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.privacy.PrivacyViews.AcknowledgeRequest;
import fi.askel.privacy.PrivacyViews.ConsentRequest;
import fi.askel.privacy.PrivacyViews.ConsentView;
import fi.askel.privacy.PrivacyViews.ErasureRequestBody;
import fi.askel.privacy.PrivacyViews.ErasureView;
import fi.askel.privacy.PrivacyViews.NoticeView;
import fi.askel.privacy.PrivacyViews.PrivacyState;
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

/**
 * A client's own acknowledgement of the privacy notice, consents, data export and erasure request. Rooted at
 * /api/v1/me like MeResource, so the two classes share one path prefix.
 */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.CLIENT_NAME)
@Transactional
public class PrivacyResource {

    private final ConsentService consents;
    private final ExportService exports;
    private final ErasureService erasures;
    private final Pages pages;
    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    public PrivacyResource(ConsentService consents,
            ExportService exports, ErasureService erasures, Pages pages, SecurityIdentity identity, HttpServerRequest request) {
        this.consents = consents;
        this.exports = exports;
        this.erasures = erasures;
        this.pages = pages;
        this.identity = identity;
        this.request = request;
    }

    @GET
    @Path("/privacy")
    public PrivacyState state() {
        return consents.state(caller(), pages.lang());
    }

    @POST
    @Path("/privacy/acknowledge")
    public PrivacyState acknowledge(AcknowledgeRequest body) {
        return consents.acknowledge(caller(), body, remoteAddress(request), pages.lang());
    }

    @PUT
    @Path("/consents/{kind}")
    public ConsentView consent(@PathParam("kind") String kind, ConsentRequest body) {
        if (body == null) {
            throw ApiException.invalid("body", "error.body.required");
        }
        return consents.set(caller(), kind, body.given());
    }

    /** Everything the platform holds about the caller, as a ZIP of JSON files and a readable summary.html. */
    @GET
    @Path("/export")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    public Response export() {
        return zip(exports.exportFor(caller(), caller().id()));
    }

    @POST
    @Path("/erasure-request")
    public Response requestErasure(ErasureRequestBody body) {
        ErasureView view = erasures.request(caller(), body == null ? null : body.reason(), pages.lang());
        return Response.created(URI.create("/api/v1/me/erasure-request")).entity(view).build();
    }

    @GET
    @Path("/erasure-request")
    public ErasureView erasureRequest() {
        ErasureView view = erasures.latestOf(caller().id(), pages.lang());
        if (view == null) {
            throw ApiException.notFound("erasure-request");
        }
        return view;
    }

    static NoticeView view(PrivacyNotice n, String lang, PrivacyMarkdown markdown) {
        String language = Messages.language(lang) == null ? Messages.DEFAULT_LANGUAGE : lang;
        return new NoticeView(n.version, language, n.publishedAt, n.changeNote, n.body(language), markdown.toHtml(n.body(language)));
    }

    static Response zip(ExportService.Export export) {
        return Response.ok(export.zip(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
                .header("Cache-Control", "no-store").build();
    }

    static String remoteAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().host();
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
