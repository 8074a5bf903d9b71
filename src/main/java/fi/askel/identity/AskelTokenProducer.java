package fi.askel.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.auth.cdi.NullJsonWebToken;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The injected {@link JsonWebToken} is Askel's own token (SmallRye JWT), as before quarkus-oidc was
 * added: that extension's producer (priority 2) looks only for an OIDC access token and would hand
 * every Askel endpoint an empty one. A broker's ID token is read from the identity (BrokerLoginPage).
 */
@Alternative
@Priority(3)
@RequestScoped
public class AskelTokenProducer {

    private final SecurityIdentity identity;

    public AskelTokenProducer(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Produces
    @RequestScoped
    JsonWebToken currentToken() {
        return identity.getPrincipal() instanceof JsonWebToken ? (JsonWebToken) identity.getPrincipal() : new NullJsonWebToken();
    }
}
