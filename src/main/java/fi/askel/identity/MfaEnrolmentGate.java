package fi.askel.identity;

import fi.askel.common.web.RequestPaths;
import fi.askel.common.Messages;
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
 * A staff sign-in without a second factor (an ENROL session) reaches only what enrolling needs: the
 * enrolment page and API, GET /api/v1/me, signing out, help and static files. Pages send it to the
 * enrolment page, the API answers 403 {@code mfa-enrolment-required}. Runs before any endpoint is
 * matched, so it covers @Authenticated endpoints whose role checks are inside the method, and every
 * endpoint added later.
 */
public class MfaEnrolmentGate {

    public static final String ENROL_PAGE = "/account/two-factor";
    private static final List<String> OPEN_PREFIXES = List.of("/static/", "/help", "/login", "/logout", "/language",
            ENROL_PAGE, "/api/v1/auth/", "/api/v1/me/mfa/totp", "/password-reset/", "/q/");

    private final CurrentIdentityAssociation identities;
    private final Messages messages;

    public MfaEnrolmentGate(CurrentIdentityAssociation identities, Messages messages) {
        this.identities = identities;
        this.messages = messages;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> gate(ContainerRequestContext request) {
        // As the router reads it: //x, /%61pi and /static/../x are not open paths in disguise.
        String path = RequestPaths.normalise(request.getUriInfo().getRequestUri().getRawPath());
        if (isOpen(path, request.getMethod()) || !SessionCookies.mayCarryIdentity(request)) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .onItem().transform(identity -> refusal(identity, path))
                .onFailure().recoverWithNull();
    }

    private Response refusal(SecurityIdentity identity, String path) {
        if (identity == null || identity.isAnonymous() || !Boolean.TRUE.equals(identity.getAttribute(Caller.ENROLMENT_ONLY))) {
            return null;
        }
        if (!path.startsWith("/api/")) {
            return Response.seeOther(URI.create(ENROL_PAGE)).build();
        }
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        String lang = caller == null ? Messages.DEFAULT_LANGUAGE : caller.locale();
        Problem problem = new Problem(Problem.TYPE_BASE + "mfa-enrolment-required", messages.get(lang, "error.title.403"),
                403, messages.get(lang, "mfa.enrolment-required"), path, null, null);
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static boolean isOpen(String path, String method) {
        if ("/api/v1/me".equals(path)) {
            return "GET".equals(method);
        }
        return OPEN_PREFIXES.stream().anyMatch(path::startsWith);
    }
}
