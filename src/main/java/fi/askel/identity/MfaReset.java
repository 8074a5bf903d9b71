package fi.askel.identity;

import fi.askel.common.MailSender;
import fi.askel.common.ApiException;
import fi.askel.common.Messages;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * When someone has lost both their authenticator app and their recovery codes, an admin removes the
 * second factor. Every sign-in of the account ends at once; staff set up a new app at their next
 * sign-in (they can do nothing else until then), clients may. The account owner is told by email, so
 * a reset they did not ask for does not go unnoticed.
 */
@ApplicationScoped
public class MfaReset {

    private static final Logger LOG = Logger.getLogger(MfaReset.class);

    private final AuthService auth;
    private final MailSender mailer;
    private final Messages messages;

    public MfaReset(AuthService auth, MailSender mailer, Messages messages) {
        this.auth = auth;
        this.mailer = mailer;
        this.messages = messages;
    }

    /** Removes the user's authenticator and recovery codes. Not for one's own account (another admin does that). */
    public void reset(Caller admin, long userId) {
        Mail mail = QuarkusTransaction.requiringNew().call(() -> {
            User user = User.<User>findByIdOptional(userId).orElseThrow(() -> ApiException.notFound("user"));
            if (user.id.equals(admin.id())) {
                throw ApiException.conflict("own-account", "mfa.reset.own");
            }
            if (UserTotp.findById(user.id) == null) {
                throw ApiException.conflict("totp-not-enabled", "mfa.not-enabled");
            }
            UserTotp.deleteById(user.id);
            RecoveryCode.deleteByUser(user.id);
            auth.logoutEverywhere(user.id);
            return user.email == null || user.email.isBlank() ? null
                    : Mail.withText(user.email, messages.get(user.locale, "mfa.reset.mail.subject"),
                            messages.get(user.locale, "mfa.reset.mail.body", user.displayName, admin.displayName()));
        });
        LOG.infof("Second factor of user %d removed by admin %d", userId, admin.id());
        if (mail != null) {
            try {
                mailer.send(mail);
            } catch (RuntimeException e) {
                // The reset itself has happened; the admin has told the user in person or by phone.
                LOG.errorf(e, "Could not email user %d about the removed second factor", userId);
            }
        }
    }
}
