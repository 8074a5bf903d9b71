package fi.askel.peer;

import fi.askel.common.Dates;
import fi.askel.common.MailSender;
import fi.askel.common.JobLock;
import fi.askel.common.Messages;
import fi.askel.identity.Caller;
import fi.askel.identity.User;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The daily email digest for members who asked for it: per group, how many new posts wait, in the
 * member's own language. Only group names and counts go into the email; thread titles and posts stay
 * in the service. Runs once a day across all instances ({@link JobLock}).
 */
@ApplicationScoped
public class DigestJob {

    static final String JOB = "peer-digest";
    private static final ZoneId ZONE = Dates.ZONE;
    private static final Logger LOG = Logger.getLogger(DigestJob.class);

    private final JobLock lock;
    private final GroupAccess access;
    private final UnreadCounts unread;
    private final MailSender mailer;
    private final Messages messages;
    private final PeerConfig config;

    public DigestJob(JobLock lock, GroupAccess access, UnreadCounts unread, MailSender mailer, Messages messages,
            PeerConfig config) {
        this.lock = lock;
        this.access = access;
        this.unread = unread;
        this.mailer = mailer;
        this.messages = messages;
        this.config = config;
    }

    @Scheduled(cron = "{askel.peer.digest.cron}", timeZone = "Europe/Helsinki", identity = JOB,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        sendDaily(Dates.today());
    }

    /** Sends the digest for {@code day} unless another instance already has; returns the number of emails sent. */
    public int sendDaily(LocalDate day) {
        if (!lock.tryAcquire(JOB, day)) {
            return 0;
        }
        List<Mail> mails = QuarkusTransaction.requiringNew().call(this::collect);
        int sent = 0;
        for (Mail mail : mails) {
            try {
                mailer.send(mail);
                sent++;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not send a peer group digest");
            }
        }
        lock.finish(JOB, day);
        LOG.infof("Peer group digest for %s: %d emails", day, sent);
        return sent;
    }

    private List<Mail> collect() {
        Instant now = Instant.now();
        Map<Long, List<Member>> byUser = new LinkedHashMap<>();
        for (Member m : Member.listDigestSubscribers()) {
            byUser.computeIfAbsent(m.userId, k -> new ArrayList<>()).add(m);
        }
        List<Mail> mails = new ArrayList<>();
        byUser.forEach((userId, memberships) -> {
            User user = User.findById(userId);
            if (user == null || !user.active || user.email == null) {
                return;
            }
            Caller caller = Caller.of(user);
            List<String> lines = new ArrayList<>();
            long total = 0;
            for (Member m : memberships) {
                Optional<Access> a = access.find(caller, m.groupId);
                Instant since = m.digestSentAt != null ? m.digestSentAt : now.minus(Duration.ofDays(1));
                long count = a.isEmpty() ? 0 : unread.inGroupSince(userId, m.groupId, since);
                if (count > 0) {
                    total += count;
                    lines.add(messages.get(user.locale, "peer.mail.digest.line", a.get().group().name, count,
                            config.digest().siteUrl() + "/groups/" + m.groupId));
                }
                m.digestSentAt = now;
            }
            if (total > 0) {
                String body = messages.get(user.locale, "peer.mail.digest.intro") + "\n\n" + String.join("\n", lines)
                        + "\n\n" + messages.get(user.locale, "peer.mail.digest.footer");
                mails.add(Mail.withText(user.email, messages.get(user.locale, "peer.mail.digest.subject", total), body));
            }
        });
        return mails;
    }
}
