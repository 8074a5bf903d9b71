package fi.askel.privacy;

import fi.askel.common.web.Pages;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.privacy.PrivacyNoticeService.PublishRequest;
import fi.askel.privacy.PrivacyViews.ErasureView;
import fi.askel.privacy.PrivacyViews.InactiveView;
import fi.askel.privacy.PrivacyViews.NoticeView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.List;

/** The provider's admin: publishes notice versions, exports a client's data, processes erasure requests. */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Transactional
public class PrivacyAdminResource {

    private final PrivacyNoticeService notices;
    private final PrivacyMarkdown markdown;
    private final ExportService exports;
    private final ErasureService erasures;
    private final RetentionJob retention;
    private final Pages pages;
    private final SecurityIdentity identity;

    public PrivacyAdminResource(PrivacyNoticeService notices, PrivacyMarkdown markdown, ExportService exports,
            ErasureService erasures, RetentionJob retention, Pages pages, SecurityIdentity identity) {
        this.notices = notices;
        this.markdown = markdown;
        this.exports = exports;
        this.erasures = erasures;
        this.retention = retention;
        this.pages = pages;
        this.identity = identity;
    }

    /** Every version, newest first, in the caller's language. */
    @GET
    @Path("/privacy/notices")
    public List<NoticeView> versions() {
        return notices.versions().stream().map(n -> PrivacyResource.view(n, pages.lang(), markdown)).toList();
    }

    /** Publishes a new version {fi, sv, en, changeNote?}: every client acknowledges it before going on. */
    @POST
    @Path("/privacy/notices")
    public Response publish(PublishRequest body) {
        PrivacyNotice n = notices.publish(caller(), body);
        return Response.created(URI.create("/api/v1/privacy/notice?version=" + n.version))
                .entity(PrivacyResource.view(n, pages.lang(), markdown)).build();
    }

    @GET
    @Path("/users/{id}/export")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    public Response export(@PathParam("id") long id) {
        return PrivacyResource.zip(exports.exportFor(caller(), id));
    }

    @GET
    @Path("/erasure-requests")
    public List<ErasureView> erasureRequests() {
        return erasures.list(pages.lang());
    }

    @POST
    @Path("/erasure-requests/{id}/process")
    public ErasureView process(@PathParam("id") long id) {
        return erasures.process(caller(), id, pages.lang());
    }

    /** Client accounts flagged as unused, with when they will be anonymised. */
    @GET
    @Path("/privacy/inactive")
    public List<InactiveView> inactive() {
        return retention.flagged();
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
