package fi.askel.common.web;

import fi.askel.common.SharedSecrets;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CSRF token every form outside {@code /api} carries: an HMAC, with a key all instances share
 * (app_secret), over the sign-in it was shown in (the token's {@code sid}; empty before signing in) and a
 * random value in the browser's own HttpOnly cookie. A token from another session, another browser or
 * made up by anyone without the server's key does not verify, and signing in or out gives new tokens.
 *
 * <p>The cookie is {@code __Host-askel_csrf} (Secure, Path=/, no Domain, SameSite=Strict) whenever the
 * request came over HTTPS (or askel.auth.secure-cookies is on): a sibling subdomain cannot set or
 * overwrite a {@code __Host-} cookie. Over plain HTTP (development) it is {@code askel_csrf}, otherwise the same.
 */
@ApplicationScoped
public class FormTokens {

    public static final String FIELD = "csrf-token";
    public static final String COOKIE = "askel_csrf";
    public static final String SECURE_COOKIE = "__Host-askel_csrf";
    private static final String SECRET = "csrf-form-token";
    private static final String ALGORITHM = "HmacSHA256";
    /** A browser keeps its random value for a year: the token changes with every sign-in anyway. */
    private static final long COOKIE_SECONDS = Duration.ofDays(365).toSeconds();

    private final SharedSecrets secrets;
    private final Optional<Boolean> secureCookies;
    private volatile byte[] key;
    /** A keyed Mac per thread (a Mac is not thread-safe), instead of looking one up and keying it for every token. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public FormTokens(SharedSecrets secrets,
            @ConfigProperty(name = "askel.auth.secure-cookies") Optional<Boolean> secureCookies) {
        this.secrets = secrets;
        this.secureCookies = secureCookies;
    }

    /** The key is read (or made) once at start, so no request waits on the database for it. */
    void load(@Observes StartupEvent start) {
        key();
    }

    public boolean secure(HttpServerRequest request) {
        return secureCookies.orElse("https".equalsIgnoreCase(request.scheme()));
    }

    public String cookieName(HttpServerRequest request) {
        return secure(request) ? SECURE_COOKIE : COOKIE;
    }

    /** The browser's random value, or null when it has none (or only one a sibling site could have set). */
    public String browserValue(HttpServerRequest request) {
        Cookie cookie = request.getCookie(cookieName(request));
        String value = cookie == null ? null : cookie.getValue();
        return value == null || value.length() < 20 || value.length() > 100 ? null : value;
    }

    public Cookie cookie(HttpServerRequest request, String value) {
        boolean secure = secure(request);
        return Cookie.cookie(secure ? SECURE_COOKIE : COOKIE, value).setPath("/").setHttpOnly(true).setSecure(secure)
                .setSameSite(CookieSameSite.STRICT).setMaxAge(COOKIE_SECONDS);
    }

    public String token(String sessionId, String browserValue) {
        String message = "form\u0000" + (sessionId == null ? "" : sessionId) + "\u0000" + browserValue;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(macs.get().doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    /** A Mac with the key for this thread; {@code doFinal} leaves it ready for the next token. */
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key(), ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean verify(String given, String sessionId, String browserValue) {
        return given != null && browserValue != null && MessageDigest.isEqual(
                token(sessionId, browserValue).getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = secrets.get(SECRET).getBytes(StandardCharsets.UTF_8);
            key = k;
        }
        return k;
    }
}
