package fi.askel.privacy;

import fi.askel.common.web.RequestPaths;
import fi.askel.common.Problem;
import fi.askel.common.web.Pages;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A client acknowledges the current privacy notice before anything else. Until then every page sends
 * them to the notice, and every API call answers 403 with the problem type
 * {@code https://askel.fi/problems/privacy-acknowledgement-required} — except what they need to read and
 * acknowledge the notice, see who they are, change the language, and sign out.
 */
public class PrivacyGate {

    public static final String PROBLEM_TYPE = "privacy-acknowledgement-required";
    public static final String NOTICE_PAGE = "/privacy/notice";

    /** Method and path of the API calls allowed before acknowledging. */
    private static final Set<String> API_ALLOWED = Set.of(
            "GET /api/v1/privacy/notice", "GET /api/v1/me/privacy", "POST /api/v1/me/privacy/acknowledge",
            "GET /api/v1/me", "PUT /api/v1/me/locale", "POST /api/v1/auth/logout", "POST /api/v1/auth/login",
            "POST /api/v1/auth/refresh");
    /** Pages (and their sub-paths) allowed before acknowledging. */
    private static final List<String> PAGES_ALLOWED = List.of(NOTICE_PAGE, "/logout", "/login", "/language", "/help",
            "/static");

    private final SecurityIdentity identity;
    private final Pages pages;

    public PrivacyGate(SecurityIdentity identity, Pages pages) {
        this.identity = identity;
        this.pages = pages;
    }

    @ServerRequestFilter
    public Response requireAcknowledgement(ContainerRequestContext request) {
        String path = RequestPaths.normalise(request.getUriInfo().getRequestUri().getRawPath());
        if (allowed(request.getMethod(), path) || identity.isAnonymous()) {
            return null;
        }
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        // Read with the sign-in check (NoticeAcknowledged), so the gate costs no query of its own.
        if (caller == null || caller.role() != Role.CLIENT
                || Boolean.TRUE.equals(identity.getAttribute(NoticeAcknowledged.ATTRIBUTE))) {
            return null;
        }
        if (path.startsWith("/api/")) {
            Problem problem = new Problem(Problem.TYPE_BASE + PROBLEM_TYPE, pages.t("error.title.403"), 403,
                    pages.t("privacy.gate.detail"), path, null, null);
            return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        String next = HttpMethod.GET.equals(request.getMethod()) ? request.getUriInfo().getRequestUri().getRawPath()
                + (request.getUriInfo().getRequestUri().getRawQuery() == null ? "" : "?" + request.getUriInfo().getRequestUri().getRawQuery())
                : "/";
        return Response.seeOther(URI.create(NOTICE_PAGE + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))).build();
    }

    static boolean allowed(String method, String path) {
        if (path.startsWith("/api/")) {
            return API_ALLOWED.contains(method + " " + path);
        }
        return PAGES_ALLOWED.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }
}
