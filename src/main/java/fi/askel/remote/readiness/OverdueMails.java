package fi.askel.remote.readiness;

import fi.askel.common.JobLock;
import fi.askel.common.MailSender;
import fi.askel.common.Messages;
import fi.askel.identity.Role;
import fi.askel.identity.User;
import fi.askel.remote.readiness.ReadinessViews.ItemView;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The daily email to admins when checklist items are overdue, in each admin's own language. Runs once a
 * day across instances (JobLock); each admin's email is also claimed per day before it is sent, so a run
 * repeated the same day sends nothing twice. Nothing is sent on a day nothing is overdue.
 */
@ApplicationScoped
public class OverdueMails {

    static final String JOB = "readiness-overdue";
    private static final Logger LOG = Logger.getLogger(OverdueMails.class);

    private final JobLock jobLock;
    private final MailSender mailer;
    private final Messages messages;
    private final ReadinessService readiness;
    private final EntityManager em;
    private final String publicUrl;

    public OverdueMails(JobLock jobLock, MailSender mailer, Messages messages, ReadinessService readiness, EntityManager em,
            @ConfigProperty(name = "askel.public-url") String publicUrl) {
        this.jobLock = jobLock;
        this.mailer = mailer;
        this.messages = messages;
        this.readiness = readiness;
        this.em = em;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Scheduled(cron = "{askel.readiness.cron}", timeZone = "Europe/Helsinki",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        LocalDate today = ReadinessService.today();
        if (jobLock.tryAcquire(JOB, today)) {
            int sent = run(today);
            jobLock.finish(JOB, today);
            LOG.infof("Readiness overdue emails sent: %d", sent);
        }
    }

    /** Sends today's emails; returns how many went out. */
    public int run(LocalDate today) {
        long overdue = QuarkusTransaction.requiringNew().call(() -> ReadinessItem.countOverdue(today));
        if (overdue == 0) {
            return 0;
        }
        List<User> admins = QuarkusTransaction.requiringNew().call(() -> User.<User>list(
                "role = ?1 and active = true and email is not null order by id", Role.ADMIN));
        int sent = 0;
        for (User admin : admins) {
            if (claim(admin.id, today)) {
                try {
                    send(admin, readiness.overdue(admin.locale, today));
                    sent++;
                } catch (RuntimeException e) {
                    // The others still get theirs; this admin sees the overdue items on the dashboard.
                    LOG.errorf(e, "Could not send the readiness overdue email to admin %d", admin.id);
                }
            }
        }
        return sent;
    }

    private boolean claim(Long adminId, LocalDate today) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "INSERT IGNORE INTO readiness_overdue_mail (user_id, sent_on, sent_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, adminId).setParameter(2, java.sql.Date.valueOf(today))
                .setParameter(3, Timestamp.from(Instant.now())).executeUpdate() == 1);
    }

    private void send(User admin, List<ItemView> items) {
        String lang = admin.locale;
        StringBuilder body = new StringBuilder(messages.get(lang, "readiness.mail.greeting", admin.displayName))
                .append("\n\n").append(messages.get(lang, "readiness.mail.intro", items.size())).append("\n\n");
        for (ItemView item : items) {
            body.append("• ").append(messages.get(lang, "readiness.mail.item", item.title(), ReadinessPage.date(item.nextReviewOn())))
                    .append("\n");
        }
        body.append("\n").append(messages.get(lang, "readiness.mail.action")).append("\n")
                .append(publicUrl).append("/admin/readiness\n");
        mailer.send(Mail.withText(admin.email, messages.get(lang, "readiness.mail.subject", items.size()), body.toString()));
    }
}
