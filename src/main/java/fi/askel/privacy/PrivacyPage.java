package fi.askel.privacy;

import fi.askel.common.ApiException;
import fi.askel.common.web.PageContext;
import fi.askel.common.web.Pages;
import fi.askel.common.web.Redirects;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.privacy.PrivacyViews.AcknowledgeRequest;
import fi.askel.privacy.PrivacyViews.ErasureItem;
import fi.askel.privacy.PrivacyViews.NoticeView;
import fi.askel.privacy.PrivacyViews.PrivacyState;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
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

/** The privacy notice with its acknowledgement, and the client's "My privacy" page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PrivacyPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notice(PageContext page, NoticeView notice, PrivacyState state, String next,
                Map<String, String> errors);
        static native TemplateInstance mine(PageContext page, PrivacyState state, List<String> kinds,
                List<ErasureItem> willErase, List<ErasureItem> willKeep, String saved, Map<String, String> errors);
    }

    private final PrivacyNoticeService notices;
    private final PrivacyMarkdown markdown;
    private final ConsentService consents;
    private final ExportService exports;
    private final ErasureService erasures;
    private final Pages pages;
    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    public PrivacyPage(PrivacyNoticeService notices, PrivacyMarkdown markdown, ConsentService consents, ExportService exports,
            ErasureService erasures, Pages pages, SecurityIdentity identity, HttpServerRequest request) {
        this.notices = notices;
        this.markdown = markdown;
        this.consents = consents;
        this.exports = exports;
        this.erasures = erasures;
        this.pages = pages;
        this.identity = identity;
        this.request = request;
    }

    /** Public: anyone may read the notice; a signed-in client also gets the acknowledgement form. */
    @GET
    @Transactional
    @Path("privacy/notice")
    @PermitAll
    public TemplateInstance notice(@QueryParam("next") String next) {
        return renderNotice(next, Map.of());
    }

    @POST
    @Path("privacy/notice")
    @RolesAllowed(Role.CLIENT_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledge(@FormParam("version") Integer version, @FormParam("read") String read,
            @FormParam("remoteRehab") String remoteRehab, @FormParam("next") String next) {
        if (!"on".equals(read)) {
            return Response.status(400).entity(renderNotice(next, Map.of("read", pages.t("privacy.ack.read.required")))).build();
        }
        try {
            consents.acknowledge(caller(), new AcknowledgeRequest(version, "on".equals(remoteRehab)),
                    PrivacyResource.remoteAddress(request), pages.lang());
        } catch (ApiException e) {
            return Response.status(e.status()).entity(renderNotice(next, Map.of("form", pages.t(e.messageKey(), e.args())))).build();
        }
        String target = Redirects.localPath(next);
        return Response.seeOther(URI.create(target.startsWith(PrivacyGate.NOTICE_PAGE) ? "/" : target)).build();
    }

    @GET
    @Transactional
    @Path("me/privacy")
    @RolesAllowed(Role.CLIENT_NAME)
    public TemplateInstance mine(@QueryParam("saved") String saved) {
        return renderMine(saved, Map.of());
    }

    @POST
    @Path("me/privacy/consents/{kind}")
    @RolesAllowed(Role.CLIENT_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response consent(@PathParam("kind") String kind, @FormParam("given") String given) {
        Boolean value = "true".equals(given) ? Boolean.TRUE : "false".equals(given) ? Boolean.FALSE : null;
        consents.set(caller(), kind, value);
        return Response.seeOther(URI.create("/me/privacy?saved=" + kind + "#consent-" + kind)).build();
    }

    @GET
    @Transactional
    @Path("me/privacy/export")
    @RolesAllowed(Role.CLIENT_NAME)
    @Produces("application/zip")
    public Response export() {
        return PrivacyResource.zip(exports.exportFor(caller(), caller().id()));
    }

    @POST
    @Path("me/privacy/erasure")
    @RolesAllowed(Role.CLIENT_NAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestErasure(@FormParam("reason") String reason, @FormParam("confirm") String confirm) {
        if (!"on".equals(confirm)) {
            return Response.status(400).entity(renderMine(null, Map.of("confirm", pages.t("privacy.erasure.confirm.required"))))
                    .build();
        }
        try {
            erasures.request(caller(), reason, pages.lang());
        } catch (ApiException e) {
            String field = e.fieldErrors().isEmpty() ? "erasure" : e.fieldErrors().get(0).field();
            String message = e.fieldErrors().isEmpty() ? pages.t(e.messageKey(), e.args())
                    : pages.t(e.fieldErrors().get(0).messageKey(), e.fieldErrors().get(0).args());
            return Response.status(e.status()).entity(renderMine(null, Map.of(field, message))).build();
        }
        return Response.seeOther(URI.create("/me/privacy?saved=erasure#erasure")).build();
    }

    @Transactional // also when a refused form is shown again: its action's transaction has ended
    TemplateInstance renderNotice(String next, Map<String, String> errors) {
        String lang = pages.lang();
        NoticeView notice = PrivacyResource.view(notices.current(), lang, markdown);
        Caller caller = identity.isAnonymous() ? null : identity.getAttribute(Caller.ATTRIBUTE);
        PrivacyState state = caller != null && caller.role() == Role.CLIENT ? consents.state(caller, lang) : null;
        return Templates.notice(pages.context(), notice, state, Redirects.localPath(next), errors);
    }

    @Transactional // also when a refused form is shown again: its action's transaction has ended
    TemplateInstance renderMine(String saved, Map<String, String> errors) {
        String lang = pages.lang();
        List<String> kinds = java.util.Arrays.stream(ConsentKind.values()).map(k -> k.slug).toList();
        return Templates.mine(pages.context(), consents.state(caller(), lang), kinds, erasures.plan(lang, "ERASED"),
                erasures.plan(lang, "KEPT"), saved, errors);
    }

    private Caller caller() {
        return identity.getAttribute(Caller.ATTRIBUTE);
    }
}
