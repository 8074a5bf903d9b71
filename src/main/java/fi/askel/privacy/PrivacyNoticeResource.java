package fi.askel.privacy;

import fi.askel.common.ApiException;
import fi.askel.common.web.Pages;
import fi.askel.privacy.PrivacyViews.NoticeView;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.transaction.Transactional;

/** The privacy notice. Public: anyone may read how their data would be processed before signing in. */
@Path("/api/v1/privacy")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Transactional
public class PrivacyNoticeResource {

    private final PrivacyNoticeService notices;
    private final PrivacyMarkdown markdown;
    private final Pages pages;

    public PrivacyNoticeResource(PrivacyNoticeService notices, PrivacyMarkdown markdown, Pages pages) {
        this.notices = notices;
        this.markdown = markdown;
        this.pages = pages;
    }

    /** The current notice (or an earlier {@code version}) in the request's language ({@code ?lang=fi|sv|en}). */
    @GET
    @Path("/notice")
    public NoticeView notice(@QueryParam("version") Integer version) {
        PrivacyNotice n = version == null ? notices.current()
                : PrivacyNotice.<PrivacyNotice>findByIdOptional(version).orElseThrow(() -> ApiException.notFound("notice"));
        return PrivacyResource.view(n, pages.lang(), markdown);
    }
}
