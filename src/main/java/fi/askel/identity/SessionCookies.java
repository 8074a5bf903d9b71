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
 *
 * <p>Over HTTPS their names carry the {@code __Host-} prefix ({@code __Host-askel_token}, {@code __Host-askel_refresh}:
 * Secure, Path=/, no Domain), so a sibling subdomain cannot plant or overwrite a sign-in (ASVS 3.4.4), as
 * {@code __Host-askel_csrf} already is (FormTokens). The sign-in step's cookie is sent to /login only, which
 * {@code __Host-} does not allow, so it is {@code __Secure-askel_login_step}. Over plain HTTP (development) the
 * names stay plain.
 *
 * <p>The transition, for one release: a browser signed in before the upgrade still carries the plain names. They
 * are read when the prefixed ones are absent, and the first answer to a request they sign in moves them to the
 * prefixed names and expires the plain ones, so nobody is signed out by the upgrade. Remove the fallback (the
 * {@link #read} of {@code plain} over HTTPS) in the release after.
 */
@ApplicationScoped
public class SessionCookies {

    public static final String TOKEN = "askel_token";
    public static final String REFRESH = "askel_refresh";
    /** Between the two steps of the sign-in page (LoginChallenge); sent only to /login. */
    public static final String CHALLENGE = "askel_login_step";
    static final String HOST = "__Host-";
    static final String SECURE = "__Secure-";

    /** Whether a request may carry a sign-in at all (a bearer token or any of the cookies): the gates skip the rest. */
    static boolean mayCarryIdentity(jakarta.ws.rs.container.ContainerRequestContext request) {
        var cookies = request.getCookies();
        return request.getHeaderString("Authorization") != null || cookies.containsKey(TOKEN) || cookies.containsKey(REFRESH)
                || cookies.containsKey(HOST + TOKEN) || cookies.containsKey(HOST + REFRESH);
    }

    private final AuthConfig config;

    public SessionCookies(AuthConfig config) {
        this.config = config;
    }

    /** Both cookies live as long as the sign-in; the token inside expires sooner and is refreshed. */
    public void write(HttpServerRequest request, AuthService.Tokens tokens) {
        long maxAge = Math.max(0, Duration.between(Instant.now(), tokens.sessionExpiresAt()).toSeconds());
        request.response().addCookie(cookie(request, TOKEN, tokens.token(), maxAge));
        request.response().addCookie(cookie(request, REFRESH, tokens.refreshToken(), maxAge));
        expirePlainNames(request);
    }

    public void clear(HttpServerRequest request) {
        request.response().addCookie(cookie(request, TOKEN, "", 0));
        request.response().addCookie(cookie(request, REFRESH, "", 0));
        expirePlainNames(request);
    }

    /** The access token the browser sent, under this scheme's name (or, during the transition, the plain one). */
    public String token(HttpServerRequest request) {
        return read(request, TOKEN, HOST);
    }

    public String refreshToken(HttpServerRequest request) {
        return read(request, REFRESH, HOST);
    }

    public String challenge(HttpServerRequest request) {
        return read(request, CHALLENGE, SECURE);
    }

    /**
     * A sign-in carried by the plain names over HTTPS (a browser signed in before the upgrade) gets the prefixed
     * names on this answer, with the same values, and the plain ones expire. The cookies live as long as a sign-in
     * may; the sign-in itself still ends when its row says so.
     */
    public void upgradePlainNames(HttpServerRequest request) {
        if (!secure(request) || request.getCookie(HOST + TOKEN) != null || request.getCookie(HOST + REFRESH) != null) {
            return;
        }
        Cookie token = request.getCookie(TOKEN);
        Cookie refresh = request.getCookie(REFRESH);
        if (token == null && refresh == null) {
            return;
        }
        long maxAge = Duration.ofHours(config.sessionHours()).toSeconds();
        if (token != null) {
            request.response().addCookie(cookie(request, TOKEN, token.getValue(), maxAge));
        }
        if (refresh != null) {
            request.response().addCookie(cookie(request, REFRESH, refresh.getValue(), maxAge));
        }
        expirePlainNames(request);
    }

    public void writeChallenge(HttpServerRequest request, String value) {
        request.response().addCookie(challengeCookie(request, value, LoginChallenge.LIFETIME.toSeconds()));
    }

    public void clearChallenge(HttpServerRequest request) {
        request.response().addCookie(challengeCookie(request, "", 0));
    }

    boolean secure(HttpServerRequest request) {
        return config.secureCookies().orElse("https".equalsIgnoreCase(request.scheme()));
    }

    private String read(HttpServerRequest request, String plain, String prefix) {
        Cookie cookie = secure(request) ? request.getCookie(prefix + plain) : null;
        if (cookie == null) {
            cookie = request.getCookie(plain);
        }
        return cookie == null || cookie.getValue() == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    /** Over HTTPS, the plain names a browser still holds from before the upgrade are expired (no-op otherwise). */
    private void expirePlainNames(HttpServerRequest request) {
        if (!secure(request)) {
            return;
        }
        for (String name : new String[] {TOKEN, REFRESH}) {
            if (request.getCookie(name) != null) {
                request.response().addCookie(Cookie.cookie(name, "").setPath("/").setHttpOnly(true).setSecure(true)
                        .setSameSite(CookieSameSite.STRICT).setMaxAge(0));
            }
        }
    }

    private Cookie cookie(HttpServerRequest request, String name, String value, long maxAge) {
        boolean secure = secure(request);
        return Cookie.cookie(secure ? HOST + name : name, value).setPath("/").setHttpOnly(true).setSecure(secure)
                .setSameSite(CookieSameSite.STRICT).setMaxAge(maxAge);
    }

    private Cookie challengeCookie(HttpServerRequest request, String value, long maxAge) {
        boolean secure = secure(request);
        return Cookie.cookie(secure ? SECURE + CHALLENGE : CHALLENGE, value).setPath("/login").setHttpOnly(true)
                .setSecure(secure).setSameSite(CookieSameSite.STRICT).setMaxAge(maxAge);
    }
}
