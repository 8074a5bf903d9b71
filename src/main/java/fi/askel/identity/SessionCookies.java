package fi.askel.identity;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * The browser's side of a sign-in: the access token and the refresh token in HttpOnly,
 * SameSite=Strict cookies, Secure whenever the page came over HTTPS (or when configured).
 */
@ApplicationScoped
public class SessionCookies {

    public static final String TOKEN = "askel_token";
    public static final String REFRESH = "askel_refresh";

    /** Whether a request may carry a sign-in at all (a bearer token or either cookie): the gates skip the rest. */
    static boolean mayCarryIdentity(jakarta.ws.rs.container.ContainerRequestContext request) {
        return request.getHeaderString("Authorization") != null || request.getCookies().containsKey(TOKEN)
                || request.getCookies().containsKey(REFRESH);
    }
    /** Between the two steps of the sign-in page (LoginChallenge); sent only to /login. */
    public static final String CHALLENGE = "askel_login_step";

    private final AuthConfig config;

    public SessionCookies(AuthConfig config) {
        this.config = config;
    }

    /** Both cookies live as long as the sign-in; the token inside expires sooner and is refreshed. */
    public void write(HttpServerRequest request, AuthService.Tokens tokens) {
        long maxAge = Math.max(0, Duration.between(Instant.now(), tokens.sessionExpiresAt()).toSeconds());
        request.response().addCookie(cookie(request, TOKEN, tokens.token(), maxAge));
        request.response().addCookie(cookie(request, REFRESH, tokens.refreshToken(), maxAge));
    }

    public void clear(HttpServerRequest request) {
        request.response().addCookie(cookie(request, TOKEN, "", 0));
        request.response().addCookie(cookie(request, REFRESH, "", 0));
    }

    public void writeChallenge(HttpServerRequest request, String value) {
        request.response().addCookie(cookie(request, CHALLENGE, value, LoginChallenge.LIFETIME.toSeconds()).setPath("/login"));
    }

    public void clearChallenge(HttpServerRequest request) {
        request.response().addCookie(cookie(request, CHALLENGE, "", 0).setPath("/login"));
    }

    private Cookie cookie(HttpServerRequest request, String name, String value, long maxAge) {
        boolean secure = config.secureCookies().orElse("https".equalsIgnoreCase(request.scheme()));
        return Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSecure(secure)
                .setSameSite(CookieSameSite.STRICT).setMaxAge(maxAge);
    }
}
