package fi.askel.peer;

import fi.askel.common.MailSender;
import fi.askel.common.Messages;
import fi.askel.identity.User;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.ArrayList;
import java.util.List;

/**
 * A distress alert also goes by email to each of the group's specialists who has an address, as soon as
 * the post is stored, so it is seen even by someone not signed in. The email says only that a post in
 * the group needs attention, with a link; the text and the writer stay inside the service. Sending
 * happens in the background, so a slow mail server never holds up the post, and a failed or stalled
 * attempt is tried again.
 */
@ApplicationScoped
public class AlertMail {

    private final MailSender mailer;
    private final Messages messages;
    private final PeerConfig config;

    public AlertMail(MailSender mailer, Messages messages, PeerConfig config) {
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
            // The in-app alert is already stored; a mail server problem must not hide it or fail the post.
            mailer.sendInBackground(mail, "a distress alert for post " + alert.postId());
        }
    }
}
