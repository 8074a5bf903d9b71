package fi.askel.identity;

import fi.askel.common.MailSender;
import fi.askel.common.ApiException;
import fi.askel.common.Messages;
import fi.askel.common.Secrets;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Changing one's own password, and the admin-initiated reset by a one-time emailed link. Either way
 * the user's other sign-ins end; the person changing their own password keeps the sign-in they did it in.
 */
@ApplicationScoped
public class PasswordService {

    private static final Logger LOG = Logger.getLogger(PasswordService.class);

    public record ResetSent(String email, Instant expiresAt) {}

    private final AuthService auth;
    private final Reauthentication reauth;
    private final LoginThrottle throttle;
    private final MailSender mailer;
    private final Messages messages;
    private final AuthConfig config;
    private final Clock clock;
    private final String publicUrl;
    private final PasswordHashes hashes;

    public PasswordService(AuthService auth, Reauthentication reauth, LoginThrottle throttle, MailSender mailer,
            Messages messages, AuthConfig config, Clock clock, @ConfigProperty(name = "askel.public-url") String publicUrl,
            PasswordHashes hashes) {
        this.hashes = hashes;
        this.auth = auth;
        this.reauth = reauth;
        this.throttle = throttle;
        this.mailer = mailer;
        this.messages = messages;
        this.config = config;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * The caller's own change: the current password, then the new one by the password policy. The password
     * checks (bcrypt) hold no connection, and a wrong current password is counted on its own (LoginThrottle);
     * only the change itself is one transaction.
     */
    public void change(Long userId, String currentPassword, String newPassword, String sessionId, String address) {
        User user = QuarkusTransaction.joiningExisting().call(() -> User.<User>findById(userId));
        reauth.require(user, currentPassword, "currentPassword", address);
        validate(user, newPassword, "newPassword");
        String hash = hashes.hash(newPassword);
        QuarkusTransaction.joiningExisting().run(() -> {
            User changing = User.findById(userId);
            setPassword(changing);
            changing.passwordHash = hash;
            auth.logoutElsewhere(changing.id, sessionId);
        });
    }

    /** An admin sends the user a one-time link to choose a new password; the user's sign-ins end now. */
    public ResetSent requestReset(Caller admin, long userId) {
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofMinutes(config.resetLinkMinutes()));
        String token = Secrets.random(32);
        Mail mail = QuarkusTransaction.requiringNew().call(() -> {
            User user = User.<User>findByIdOptional(userId).orElseThrow(() -> ApiException.notFound("user"));
            if (user.email == null || user.email.isBlank()) {
                throw ApiException.conflict("no-email", "password.reset.no-email", user.username);
            }
            PasswordReset.expireAllOf(user.id, now);
            PasswordReset reset = new PasswordReset();
            reset.userId = user.id;
            reset.tokenHash = AuthService.sha256(token);
            reset.createdAt = now;
            reset.createdBy = admin.id();
            reset.expiresAt = expires;
            reset.persist();
            auth.logoutEverywhere(user.id);
            String link = publicUrl + "/password-reset/" + token;
            return Mail.withText(user.email, messages.get(user.locale, "password.reset.mail.subject"),
                    messages.get(user.locale, "password.reset.mail.body", user.displayName, link, config.resetLinkMinutes()));
        });
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not email a password reset link for user %d", userId);
            throw new ApiException(503, "mail-failed", "password.reset.mail-failed", List.of());
        }
        LOG.infof("Password reset link for user %d sent by admin %d", userId, admin.id());
        return new ResetSent(mail.getTo().get(0), expires);
    }

    /** The account a reset link is for, while it is unused and unexpired. Looking changes nothing. */
    @Transactional
    public Optional<User> resetTarget(String token) {
        return usable(token).map(r -> User.findById(r.userId));
    }

    /** Sets the new password through the link; the link is used up, every sign-in of the user ends. */
    @Transactional
    public User completeReset(String token, String newPassword) {
        PasswordReset reset = usable(token).orElseThrow(() -> new ApiException(410, "reset-link-invalid",
                "password.reset.invalid", List.of()));
        User user = User.findById(reset.userId);
        validate(user, newPassword, "newPassword");
        if (!PasswordReset.use(reset.id, clock.instant())) {
            throw new ApiException(410, "reset-link-invalid", "password.reset.invalid", List.of());
        }
        setPassword(user);
        user.passwordHash = hashes.hash(newPassword);
        auth.logoutEverywhere(user.id);
        throttle.clearAccount(user.username);
        return user;
    }

    private Optional<PasswordReset> usable(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return PasswordReset.findByTokenHash(AuthService.sha256(token)).filter(r -> r.isUsable(clock.instant()));
    }

    private void validate(User user, String newPassword, String field) {
        PasswordPolicy.check(field, newPassword, user.username, user.role).ifPresent(e -> {
            throw ApiException.invalid(List.of(e));
        });
        if (PasswordPolicy.matches(newPassword, user.passwordHash)) {
            throw ApiException.invalid(field, "password.same-as-old");
        }
    }

    private void setPassword(User user) {
        user.updatedAt = Instant.now();
        PasswordReset.expireAllOf(user.id, clock.instant());
    }
}
