package fi.askel.common.web;

import fi.askel.common.ApiException;
import fi.askel.common.Secrets;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Cross-site request forgery: every request outside {@code /api} (as {@link RequestPaths} reads the path)
 * that is not GET, HEAD or OPTIONS must carry the form's {@link FormTokens} token, whatever its Content-Type:
 * a POST with no body, with JSON or with a double slash in its path is refused like one with a wrong token,
 * before the endpoint runs (400 with a page that says to reload; nothing runs).
 * API calls have their own rule: a Bearer token, or with the cookie X-Requested-With (CookieAuthMechanism).
 *
 * <p>Every page request also learns its token here (for {@link FormToken} in the templates), and a browser
 * without the random cookie gets one.
 */
public class FormTokenFilter {

    static final String SESSION = "askel.form.session";
    static final String BROWSER = "askel.form.browser";

    private final FormTokens tokens;
    private final CurrentIdentityAssociation identities;

    public FormTokenFilter(FormTokens tokens, CurrentIdentityAssociation identities) {
        this.tokens = tokens;
        this.identities = identities;
    }

    @ServerRequestFilter
    @WithFormRead
    public Uni<Response> check(ResteasyReactiveContainerRequestContext request, RoutingContext rc) {
        if (RequestPaths.isApi(rc.request().path())) {
            return Uni.createFrom().nullItem();
        }
        String browser = tokens.browserValue(rc.request());
        if (browser == null) {
            browser = Secrets.random(32);
            rc.response().addCookie(tokens.cookie(rc.request(), browser));
            // A first visit has no cookie yet: an unsafe request without one can never verify.
        }
        String browserValue = browser;
        rc.put(BROWSER, browserValue);
        boolean safe = rc.request().method() == HttpMethod.GET || rc.request().method() == HttpMethod.HEAD
                || rc.request().method() == HttpMethod.OPTIONS;
        return identities.getDeferredIdentity().onItem().transformToUni(identity -> {
            String session = sessionOf(identity);
            rc.put(SESSION, session == null ? "" : session);
            if (safe) {
                return Uni.createFrom().nullItem();
            }
            Object given = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                    .getFormParameter(FormTokens.FIELD, true, false);
            if (tokens.verify(given instanceof String s ? s : null, session, browserValue)) {
                return Uni.createFrom().nullItem();
            }
            // 400, as for any broken form (and as before): the page says to reload and try again.
            return Uni.createFrom().failure(new ApiException(400, "csrf", "error.csrf", java.util.List.of()));
        });
    }

    private static String sessionOf(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                ? null : jwt.getClaim("sid");
    }
}
