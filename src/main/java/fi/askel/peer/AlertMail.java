package fi.askel.peer;

import fi.askel.common.Messages;
import fi.askel.identity.User;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A distress alert also goes by email to each of the group's specialists who has an address, as soon as
 * the post is stored, so it is seen even by someone not signed in. The email says only that a post in
 * the group needs attention, with a link; the text and the writer stay inside the service.
 */
@ApplicationScoped
public class AlertMail {

    private static final Logger LOG = Logger.getLogger(AlertMail.class);

    private final Mailer mailer;
    private final Messages messages;
    private final PeerConfig config;

    public AlertMail(Mailer mailer, Messages messages, PeerConfig config) {
        this.mailer = mailer;
        this.messages = messages;
        this.config = config;
    }

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationService.DistressAlert alert) {
        List<Mail> mails = QuarkusTransaction.requiringNew().call(() -> {
            PeerGroup group = PeerGroup.findById(alert.groupId());
            String link = config.digest().siteUrl() + "/groups/" + alert.groupId() + "/moderation";
            List<Mail> list = new ArrayList<>();
            for (Member m : Member.listModerators(alert.groupId())) {
                User u = User.findById(m.userId);
                if (u != null && u.active && u.email != null) {
                    list.add(Mail.withText(u.email, messages.get(u.locale, "peer.mail.distress.subject", group.name),
                            messages.get(u.locale, "peer.mail.distress.body", group.name, link)));
                }
            }
            return list;
        });
        for (Mail mail : mails) {
            try {
                mailer.send(mail);
            } catch (RuntimeException e) {
                // The in-app alert is already stored; a mail server problem must not hide it or fail the post.
                LOG.errorf(e, "Could not email a distress alert for post %d", alert.postId());
            }
        }
    }
}
