package fi.askel.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The seam between an identification broker and Askel's own sign-in: a verified broker identity
 * (issuer and subject of the ID token) becomes a FULL session of the client account linked to it,
 * exactly as a password (and second factor) would; empty when no active client account is linked.
 * Nothing is created for an unknown identity.
 */
@ApplicationScoped
public class BrokerSignIn {

    private final AuthService auth;

    public BrokerSignIn(AuthService auth) {
        this.auth = auth;
    }

    @Transactional
    public Optional<AuthService.Tokens> signIn(String issuer, String subject, String userAgent, String address) {
        if (issuer == null || subject == null) {
            return Optional.empty();
        }
        return ExternalIdentity.findLink(issuer, subject)
                .map(link -> User.<User>findById(link.userId))
                .filter(user -> user.active && user.role == Role.CLIENT)
                .map(user -> auth.startBrokerSession(user, userAgent, address));
    }
}
