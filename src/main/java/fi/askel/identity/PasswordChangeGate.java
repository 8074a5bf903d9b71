package fi.askel.identity;

import fi.askel.common.Messages;
import fi.askel.common.web.RequestPaths;
import fi.askel.common.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A user who must choose a new password (the bootstrap admin at the first sign-in) reaches only what
 * changing it needs: the account page and {@code POST /api/v1/me/password}, enrolling a second factor,
 * GET /api/v1/me, signing out, help and static files. Pages send them to the account page, the API
 * answers 403 {@code password-change-required}. Like MfaEnrolmentGate, it runs before endpoint matching.
 */
public class PasswordChangeGate {

    static final String ACCOUNT_PAGE = "/account";
    private static final List<String> OPEN_PREFIXES = List.of("/static/", "/help", "/login", "/logout", "/language",
            ACCOUNT_PAGE + "/", "/api/v1/auth/", "/api/v1/me/password", "/api/v1/me/mfa/totp", "/password-reset/", "/q/");

    private final CurrentIdentityAssociation identities;
    private final Messages messages;

    public PasswordChangeGate(CurrentIdentityAssociation identities, Messages messages) {
        this.identities = identities;
        this.messages = messages;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> gate(ContainerRequestContext request) {
        // As the router reads it, like MfaEnrolmentGate: //x, /%61pi and /static/../x are not open paths in disguise.
        String path = RequestPaths.normalise(request.getUriInfo().getRequestUri().getRawPath());
        if (isOpen(path, request.getMethod()) || !SessionCookies.mayCarryIdentity(request)) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .onItem().transform(identity -> refusal(identity, path))
                .onFailure().recoverWithNull();
    }

    private Response refusal(SecurityIdentity identity, String path) {
        if (identity == null || identity.isAnonymous()
                || !Boolean.TRUE.equals(identity.getAttribute(Caller.PASSWORD_CHANGE_REQUIRED))) {
            return null;
        }
        if (!path.startsWith("/api/")) {
            return Response.seeOther(URI.create(ACCOUNT_PAGE + "?error=password-change-required")).build();
        }
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        String lang = caller == null ? Messages.DEFAULT_LANGUAGE : caller.locale();
        Problem problem = new Problem(Problem.TYPE_BASE + "password-change-required", messages.get(lang, "error.title.403"),
                403, messages.get(lang, "password.change-required"), path, null, null);
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static boolean isOpen(String path, String method) {
        if (ACCOUNT_PAGE.equals(path)) {
            return true;
        }
        if ("/api/v1/me".equals(path)) {
            return "GET".equals(method);
        }
        return OPEN_PREFIXES.stream().anyMatch(path::startsWith);
    }
}
