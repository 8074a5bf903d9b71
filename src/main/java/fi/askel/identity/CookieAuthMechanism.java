package fi.askel.identity;

import fi.askel.common.web.Overload;
import fi.askel.common.web.RequestPaths;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Browser sign-in: the token comes from the HttpOnly cookie instead of the Authorization header,
 * and when it has expired the refresh cookie gets a new one on the same request, so a form posted
 * after a long pause is not lost. API clients with a Bearer header are left to SmallRye JWT.
 */
@ApplicationScoped
public class CookieAuthMechanism implements HttpAuthenticationMechanism {

    public static final String REQUESTED_WITH = "X-Requested-With";

    private final AuthService auth;
    private final SessionCookies cookies;

    public CookieAuthMechanism(AuthService auth, SessionCookies cookies) {
        this.auth = auth;
        this.cookies = cookies;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (context.request().getHeader("Authorization") != null || isForgeable(context)) {
            return Uni.createFrom().nullItem();
        }
        String token = cookies.token(context.request());
        String refresh = cookies.refreshToken(context.request());
        if (token == null && refresh == null) {
            return Uni.createFrom().nullItem();
        }
        // A sign-in that could not be checked because the database was out of connections is not an ended one:
        // the request is answered 503 (ProblemMapper) and the cookies stay, rather than signing the person out.
        // A browser signed in before the __Host- names (SessionCookies) is moved to them on this answer.
        Uni<SecurityIdentity> viaToken = token == null ? Uni.createFrom().nullItem()
                : verify(token, context, identities).onFailure(f -> !Overload.isUnavailable(f)).recoverWithNull()
                        .invoke(identity -> {
                            if (identity != null) {
                                cookies.upgradePlainNames(context.request());
                            }
                        });
        return viaToken.onItem().ifNull().switchTo(() -> refresh == null ? Uni.createFrom().nullItem()
                : Uni.createFrom().item(() -> auth.refresh(refresh))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .onItem().transformToUni(tokens -> {
                            cookies.write(context.request(), tokens);
                            return verify(tokens.token(), context, identities);
                        })
                        .onFailure(f -> !Overload.isUnavailable(f)).recoverWithUni(failure -> {
                            cookies.clear(context.request());
                            return Uni.createFrom().nullItem();
                        }));
    }

    /**
     * A state-changing API call carried only by the browser's cookie must also send
     * X-Requested-With, which a page on another site cannot add without a CORS preflight we never
     * grant: a forged request is then simply not signed in. Forms are protected by their own token.
     */
    private static boolean isForgeable(RoutingContext context) {
        HttpMethod method = context.request().method();
        boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        // The path as the router reads it: //api/v1/… and /%61pi/v1/… are API calls too (RequestPaths).
        return !safe && RequestPaths.isApi(context.request().path())
                && context.request().getHeader(REQUESTED_WITH) == null;
    }

    private static Uni<SecurityIdentity> verify(String token, RoutingContext context, IdentityProviderManager identities) {
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                new TokenAuthenticationRequest(new JsonWebTokenCredential(token)), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return 2000;
    }
}
