package fi.askel.identity;

import fi.askel.common.web.ClientAddress;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Where the identification broker's authorization code flow ends (quarkus-oidc, a web-app tenant that
 * only this path uses; README, "Signing in through an identification broker"). The broker's own
 * session cookie is dropped at once: from here on the person holds Askel's session cookies only.
 */
@Path("/login/broker")
public class BrokerLoginPage {

    public static final String ENABLED = "askel.oidc.enabled";
    static final String UNLINKED = "unlinked";

    private final BrokerSignIn brokerSignIn;
    private final SessionCookies cookies;
    private final ClientAddress address;
    private final HttpServerRequest request;
    private final SecurityIdentity identity;
    private final OidcSession oidcSession;
    private final boolean enabled;

    public BrokerLoginPage(BrokerSignIn brokerSignIn, SessionCookies cookies, ClientAddress address,
            HttpServerRequest request, SecurityIdentity identity, OidcSession oidcSession,
            @ConfigProperty(name = ENABLED, defaultValue = "false") boolean enabled) {
        this.brokerSignIn = brokerSignIn;
        this.cookies = cookies;
        this.address = address;
        this.request = request;
        this.identity = identity;
        this.oidcSession = oidcSession;
        this.enabled = enabled;
    }

    @GET
    @Authenticated
    public Response signIn() {
        if (!enabled || identity.getCredential(IdTokenCredential.class) == null
                || !(identity.getPrincipal() instanceof JsonWebToken)) {
            throw new NotFoundException();
        }
        JsonWebToken idToken = (JsonWebToken) identity.getPrincipal();
        Optional<AuthService.Tokens> tokens = brokerSignIn.signIn(idToken.getIssuer(), idToken.getSubject(),
                request.getHeader("User-Agent"), address.of(request));
        oidcSession.logout().await().indefinitely();
        if (tokens.isEmpty()) {
            return Response.seeOther(URI.create("/login?broker=" + UNLINKED)).build();
        }
        cookies.write(request, tokens.get());
        return Response.seeOther(URI.create("/")).build();
    }
}
