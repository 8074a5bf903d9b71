package fi.askel.privacy;

import fi.askel.common.ApiException;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.privacy.PrivacyNoticeService.PublishRequest;
import fi.askel.privacy.PrivacyViews.ErasureView;
import fi.askel.privacy.PrivacyViews.InactiveView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The admin's privacy page: edit the privacy notice (published as a new version, no developer needed),
 * process erasure requests, see accounts flagged as unused; and a client's data export from the user list.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class PrivacyAdminPage {

    /** The notice form as typed, so a refused form comes back as the admin left it. */
    public record NoticeForm(String fi, String sv, String en, String changeNote) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admin(PageContext page, PrivacyNotice current, List<PrivacyNotice> versions,
                NoticeForm form, Map<String, String> errors, List<ErasureView> requests, List<InactiveView> inactive,
                String saved);
    }

    private final PrivacyNoticeService notices;
    private final ErasureService erasures;
    private final RetentionJob retention;
    private final ExportService exports;
    private final Pages pages;
    private final SecurityIdentity identity;

    public PrivacyAdminPage(PrivacyNoticeService notices, ErasureService erasures, RetentionJob retention, ExportService exports,
            Pages pages, SecurityIdentity identity) {
        this.notices = notices;
        this.erasures = erasures;
        this.retention = retention;
        this.exports = exports;
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    @Transactional
    @Path("privacy")
    public TemplateInstance admin(@QueryParam("saved") String saved) {
        PrivacyNotice current = notices.current();
        return render(new NoticeForm(current.bodyFi, current.bodySv, current.bodyEn, ""), Map.of(), saved);
    }

    @POST
    @Path("privacy/notice")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@FormParam("fi") String fi, @FormParam("sv") String sv, @FormParam("en") String en,
            @FormParam("changeNote") String changeNote) {
        NoticeForm form = new NoticeForm(fi, sv, en, changeNote);
        try {
            notices.publish(caller(), new PublishRequest(fi, sv, en, changeNote));
        } catch (ApiException e) {
            Map<String, String> errors = e.fieldErrors().stream().collect(Collectors.toMap(ApiException.FieldError::field,
                    f -> pages.t(f.messageKey(), f.args()), (a, b) -> a));
            return Response.status(e.status()).entity(render(form, errors, null)).build();
        }
        return Response.seeOther(URI.create("/admin/privacy?saved=notice#notice")).build();
    }

    @POST
    @Path("privacy/erasure-requests/{id}")
    public Response process(@PathParam("id") long id) {
        erasures.process(caller(), id, pages.lang());
        return Response.seeOther(URI.create("/admin/privacy?saved=erasure#erasure-" + id)).build();
    }

    @GET
    @Transactional
    @Path("users/{id}/export")
    @Produces("application/zip")
    public Response export(@PathParam("id") long id) {
        return PrivacyResource.zip(exports.exportFor(caller(), id));
    }

    @Transactional // also when a refused form is shown again: its action's transaction has ended
    TemplateInstance render(NoticeForm form, Map<String, String> errors, String saved) {
        return Templates.admin(pages.context(), notices.current(), notices.versions(), form, errors, erasures.list(pages.lang()),
                retention.flagged(), saved);
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
