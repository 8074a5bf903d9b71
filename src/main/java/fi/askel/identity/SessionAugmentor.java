package fi.askel.identity;

import fi.askel.common.RequestLanguage;
import fi.askel.common.web.Pages;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Accepts a verified token only while its sign-in is live (not logged out, not expired, account
 * active), and takes the role from the account as it is now rather than as it was at sign-in: one
 * statement per request (SessionLookup), plus one more only for a token that must change its password.
 */
@ApplicationScoped
public class SessionAugmentor implements SecurityIdentityAugmentor {

    private final SessionLookup sessions;
    private final AuthService auth;

    public SessionAugmentor(SessionLookup sessions, AuthService auth) {
        this.sessions = sessions;
        this.auth = auth;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        // A broker's ID token (quarkus-oidc, only on /login/broker) is not an Askel sign-in: BrokerLoginPage turns it into one.
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || identity.getCredential(IdTokenCredential.class) != null) {
            return Uni.createFrom().item(identity);
        }
        String sid = jwt.getClaim("sid");
        String subject = jwt.getSubject();
        return context.runBlocking(() -> {
            SessionLookup.Live session = sessions.find(sid, subject)
                    .orElseThrow(() -> new AuthenticationFailedException("The sign-in has ended"));
            Caller caller = session.caller();
            // An ENROL sign-in gets no role at all but the enrolment one, so every @RolesAllowed endpoint
            // stays closed to it; SignInGates closes the merely @Authenticated ones.
            String role = session.enrolmentOnly() ? Role.MFA_ENROLMENT_NAME : caller.role().name();
            boolean changePassword = "true".equals(String.valueOf((Object) jwt.getClaim(AuthService.PASSWORD_CHANGE_CLAIM)))
                    && auth.passwordChangeRequired(caller.id());
            QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder();
            session.facts().forEach(builder::addAttribute);
            return builder
                    .setPrincipal(identity.getPrincipal())
                    .addCredentials(identity.getCredentials())
                    .addAttributes(identity.getAttributes())
                    .addAttribute(Caller.ATTRIBUTE, caller)
                    .addAttribute(Caller.ENROLMENT_ONLY, session.enrolmentOnly())
                    .addAttribute(Caller.PASSWORD_CHANGE_REQUIRED, changePassword)
                    .addAttribute(RequestLanguage.IDENTITY_ATTRIBUTE, caller.locale())
                    .addAttribute(Pages.DISPLAY_NAME, caller.displayName())
                    .addAttribute(Pages.ROLE, role)
                    .addAttribute(Pages.IDLE_EXPIRES_AT, session.idleExpiresAt())
                    .addRole(role)
                    .build();
        });
    }
}
