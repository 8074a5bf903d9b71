package fi.askel.identity;

import fi.askel.common.Messages;
import fi.askel.common.Problem;
import fi.askel.common.web.RequestPaths;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Sign-ins that may do one thing only before anything else, closed everywhere else. Runs before any
 * endpoint is matched, so it covers @Authenticated endpoints whose role checks are inside the method, and
 * every endpoint added later. Pages are sent to the one page that finishes the task; the API answers 403
 * with the rule's problem type. Paths are read as the router reads them: //x, /%61pi and /static/../x are
 * not open paths in disguise.
 * <ul>
 * <li>A staff sign-in without a second factor (an ENROL session) reaches only what enrolling needs: the
 * enrolment page and API, GET /api/v1/me, signing out, help and static files ({@code mfa-enrolment-required}).
 * <li>A user who must choose a new password (the bootstrap admin at the first sign-in) reaches only what
 * changing it needs: the account page and {@code POST /api/v1/me/password}, enrolling a second factor,
 * GET /api/v1/me, signing out, help and static files ({@code password-change-required}).
 * </ul>
 * The enrolment rule is asked first: a sign-in under both enrols, then changes the password.
 */
public class SignInGates {

    public static final String ENROL_PAGE = "/account/two-factor";
    static final String ACCOUNT_PAGE = "/account";

    /** One gate: the identity attribute that closes it, what stays open, where pages go, what the API answers. */
    record Rule(String attribute, List<String> openPrefixes, List<String> openPages, String page, String problem,
            String messageKey) {

        boolean isOpen(String path, String method) {
            if ("/api/v1/me".equals(path)) {
                return "GET".equals(method);
            }
            return openPages.contains(path) || openPrefixes.stream().anyMatch(path::startsWith);
        }
    }

    /** The strength meter only judges a typed password (it changes and reveals nothing): the forms that need it are open. */
    private static final List<String> ALWAYS_OPEN = List.of("/static/", "/help", "/login", "/logout", "/language",
            "/api/v1/auth/", "/api/v1/me/mfa/totp", "/password-reset/", "/q/", "/api/v1/password-strength");

    static final Rule ENROLMENT = new Rule(Caller.ENROLMENT_ONLY, with(ENROL_PAGE), List.of(), ENROL_PAGE,
            "mfa-enrolment-required", "mfa.enrolment-required");
    static final Rule PASSWORD_CHANGE = new Rule(Caller.PASSWORD_CHANGE_REQUIRED, with(ACCOUNT_PAGE + "/", "/api/v1/me/password"),
            List.of(ACCOUNT_PAGE), ACCOUNT_PAGE + "?error=password-change-required", "password-change-required",
            "password.change-required");
    private static final List<Rule> RULES = List.of(ENROLMENT, PASSWORD_CHANGE);

    private final CurrentIdentityAssociation identities;
    private final Messages messages;

    public SignInGates(CurrentIdentityAssociation identities, Messages messages) {
        this.identities = identities;
        this.messages = messages;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> gate(ContainerRequestContext request) {
        String path = RequestPaths.normalise(request.getUriInfo().getRequestUri().getRawPath());
        String method = request.getMethod();
        if (RULES.stream().allMatch(r -> r.isOpen(path, method)) || !SessionCookies.mayCarryIdentity(request)) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .onItem().transform(identity -> refusal(identity, path, method))
                .onFailure().recoverWithNull();
    }

    private Response refusal(SecurityIdentity identity, String path, String method) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        for (Rule rule : RULES) {
            if (Boolean.TRUE.equals(identity.getAttribute(rule.attribute())) && !rule.isOpen(path, method)) {
                return refuse(rule, identity, path);
            }
        }
        return null;
    }

    private Response refuse(Rule rule, SecurityIdentity identity, String path) {
        if (!path.startsWith("/api/")) {
            return Response.seeOther(URI.create(rule.page())).build();
        }
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        String lang = caller == null ? Messages.DEFAULT_LANGUAGE : caller.locale();
        Problem problem = new Problem(Problem.TYPE_BASE + rule.problem(), messages.get(lang, "error.title.403"), 403,
                messages.get(lang, rule.messageKey()), path, null, null);
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static List<String> with(String... more) {
        List<String> open = new java.util.ArrayList<>(ALWAYS_OPEN);
        open.addAll(List.of(more));
        return List.copyOf(open);
    }
}
