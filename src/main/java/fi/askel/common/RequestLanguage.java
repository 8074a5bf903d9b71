package fi.askel.common;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;

/**
 * The language a request is answered in: an explicit {@code ?lang=}, then the signed-in user's own
 * setting, then the language cookie, then the browser's Accept-Language, then Finnish.
 */
public final class RequestLanguage {

    /** Security identity attribute holding the signed-in user's language (set at sign-in). */
    public static final String IDENTITY_ATTRIBUTE = "askel.locale";
    public static final String COOKIE = "askel_lang";

    private RequestLanguage() {}

    public static String resolve(HttpServerRequest request, SecurityIdentity identity) {
        String explicit = Messages.language(request.getParam("lang"));
        if (explicit != null) {
            return explicit;
        }
        // An API client that names a language in Accept-Language asked for it on purpose.
        String header = request.getHeader("Accept-Language");
        if (fi.askel.common.web.RequestPaths.isApi(request.path()) && header != null && !header.isBlank()) {
            return fromAcceptLanguage(header);
        }
        if (identity != null && !identity.isAnonymous()) {
            String own = Messages.language(identity.getAttribute(IDENTITY_ATTRIBUTE));
            if (own != null) {
                return own;
            }
        }
        Cookie cookie = request.getCookie(COOKIE);
        if (cookie != null && Messages.language(cookie.getValue()) != null) {
            return cookie.getValue();
        }
        return fromAcceptLanguage(header);
    }

    static String fromAcceptLanguage(String header) {
        if (header != null && !header.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    String lang = Messages.language(range.getRange().split("-")[0].toLowerCase(Locale.ROOT));
                    if (lang != null) {
                        return lang;
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // A malformed header is no reason to fail the request.
            }
        }
        return Messages.DEFAULT_LANGUAGE;
    }
}
