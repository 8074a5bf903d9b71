package fi.askel.common.web;

import fi.askel.common.Messages;
import fi.askel.common.RequestLanguage;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

/** Builds the {@link PageContext} for the request being answered. */
@RequestScoped
public class Pages {

    /** Security identity attributes the identity feature sets at sign-in, read here without knowing it. */
    public static final String DISPLAY_NAME = "askel.displayName";
    public static final String ROLE = "askel.role";
    /** When the sign-in ends if left idle (an Instant); the page warns a minute before. */
    public static final String IDLE_EXPIRES_AT = "askel.idleExpiresAt";

    private final HttpServerRequest request;
    private final SecurityIdentity identity;
    private final Messages messages;
    private final ProviderConfig provider;
    private final ProviderTexts providerTexts;
    private PageContext context;

    public Pages(HttpServerRequest request, SecurityIdentity identity, Messages messages, ProviderConfig provider,
            ProviderTexts providerTexts) {
        this.request = request;
        this.identity = identity;
        this.messages = messages;
        this.provider = provider;
        this.providerTexts = providerTexts;
    }

    public PageContext context() {
        return context(true);
    }

    /** For error pages, which may be answered before the CSRF filter ran and so carry no forms. */
    public PageContext errorContext() {
        return context(false);
    }

    private PageContext context(boolean formsAllowed) {
        if (context == null || context.formsAllowed != formsAllowed) {
            // Failures outside any endpoint (an unknown address) are answered on the I/O thread,
            // where the identity cannot be resolved; such pages are shown as to an anonymous visitor.
            boolean signedIn = BlockingOperationControl.isBlockingAllowed() && isSignedIn();
            context = new PageContext(
                    RequestLanguage.resolve(request, signedIn ? identity : null),
                    signedIn ? identity.getAttribute(DISPLAY_NAME) : null,
                    signedIn ? identity.getAttribute(ROLE) : null,
                    request.path(),
                    formsAllowed,
                    messages, provider, providerTexts,
                    signedIn ? idleSeconds(identity.getAttribute(IDLE_EXPIRES_AT)) : 0);
        }
        return context;
    }

    private static long idleSeconds(java.time.Instant expiresAt) {
        return expiresAt == null ? 0 : Math.max(0, java.time.Duration.between(java.time.Instant.now(), expiresAt).toSeconds());
    }

    /**
     * For the answer to a request the database could not serve (no connection came in time): the signed-in
     * identity is read from the database, so it is not asked for; the language comes from the request.
     */
    public PageContext contextWithoutIdentity() {
        return new PageContext(RequestLanguage.resolve(request, null), null, null, request.path(), false, messages,
                provider, providerTexts, 0);
    }

    /**
     * Whether a live sign-in is behind this request. A token whose sign-in has ended (or that cannot be checked
     * now) is no sign-in: asking would throw here, while an error is being answered (a 500 text/plain instead of
     * the 401 problem+json a signed-out caller of /api/v1/auth/refresh should get).
     */
    private boolean isSignedIn() {
        try {
            return !identity.isAnonymous();
        } catch (RuntimeException e) {
            return false;
        }
    }

    public String lang() {
        return context().lang;
    }

    public String t(String key, Object... args) {
        return messages.get(lang(), key, args);
    }
}
