package fi.askel.privacy;

import fi.askel.common.Dates;
import fi.askel.common.NativeRows;
import fi.askel.common.MailSender;
import fi.askel.common.JobLock;
import fi.askel.common.Messages;
import fi.askel.common.db.Deadlocks;
import fi.askel.privacy.PrivacyViews.InactiveView;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The daily retention run (once across instances, see JobLock): peer posts past their retention lose
 * their text and author; client accounts without a sign-in for too long are flagged (and their owner
 * told by email), and anonymised like an erasure when still unused after the grace period. Signing in
 * clears the flag.
 */
@ApplicationScoped
public class RetentionJob {

    static final String JOB = "privacy-retention";
    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    private static final ZoneId ZONE = Dates.ZONE;

    public record Result(int postsAnonymised, int accountsFlagged, int flagsCleared, int accountsAnonymised) {}

    private final PrivacyConfig config;
    private final JobLock jobLock;
    private final List<PersonalDataProvider> providers;
    private final ErasureService erasures;
    private final Messages messages;
    private final MailSender mailer;
    private final NativeRows queries;
    private final EntityManager em;
    private final String publicUrl;

    public RetentionJob(PrivacyConfig config, JobLock jobLock, @io.quarkus.arc.All List<PersonalDataProvider> providers, ErasureService erasures, Messages messages,
            MailSender mailer, NativeRows queries, EntityManager em, @ConfigProperty(name = "askel.public-url") String publicUrl) {
        this.config = config;
        this.jobLock = jobLock;
        this.providers = providers;
        this.erasures = erasures;
        this.messages = messages;
        this.mailer = mailer;
        this.queries = queries;
        this.em = em;
        this.publicUrl = publicUrl;
    }

    @Scheduled(cron = "{askel.privacy.retention.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        LocalDate today = Dates.today();
        if (jobLock.tryAcquire(JOB, today)) {
            Result result = run(Instant.now());
            jobLock.finish(JOB, today);
            LOG.infof("Retention: %s", result);
        }
    }

    public Result run(Instant now) {
        // Each feature erases what has passed its retention time (today: peer posts).
        int posts = providers.stream().mapToInt(p -> p.applyRetention(config.retention(), now)).sum();
        if (config.retention().inactiveDays() <= 0) {
            return new Result(posts, 0, 0, 0);
        }
        // Millisecond precision, as stored (TIMESTAMP(3)), so the warning below finds the rows flagged now.
        Timestamp at = Timestamp.from(now.truncatedTo(ChronoUnit.MILLIS));
        // Each statement is a transaction of its own, tried again when rolled back as a deadlock: sign-ins on
        // other instances (Galera: other nodes) write the sessions these statements read.
        int cleared = Deadlocks.retry("Clearing inactivity flags", () -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "DELETE f FROM privacy_inactive_flag f"
                + " WHERE EXISTS (SELECT 1 FROM auth_session s WHERE s.user_id = f.user_id AND s.created_at > f.flagged_at)")
                .executeUpdate()));
        Timestamp cutoff = Timestamp.from(now.minus(Duration.ofDays(config.retention().inactiveDays())));
        int flagged = Deadlocks.retry("Flagging inactive accounts", () -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "INSERT INTO privacy_inactive_flag (user_id, flagged_at, last_seen_at)"
                        + " SELECT u.id, ?1, COALESCE(MAX(s.created_at), u.created_at) FROM app_user u"
                        + " LEFT JOIN auth_session s ON s.user_id = u.id"
                        + " WHERE u.role = 'CLIENT' AND u.active = TRUE"
                        + " AND NOT EXISTS (SELECT 1 FROM privacy_inactive_flag f WHERE f.user_id = u.id)"
                        + " GROUP BY u.id, u.created_at HAVING COALESCE(MAX(s.created_at), u.created_at) < ?2")
                .setParameter(1, at).setParameter(2, cutoff).executeUpdate()));
        if (flagged > 0) {
            warn(at);
        }
        Timestamp graceCutoff = Timestamp.from(now.minus(Duration.ofDays(config.retention().inactiveGraceDays())));
        @SuppressWarnings("unchecked")
        List<Number> due = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT user_id FROM privacy_inactive_flag WHERE flagged_at < ?1").setParameter(1, graceCutoff).getResultList());
        due.forEach(id -> erasures.eraseInactive(id.longValue()));
        return new Result(posts, flagged, cleared, due.size());
    }

    /** Client accounts flagged as unused, oldest flag first. */
    public List<InactiveView> flagged() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT u.id, u.username, u.display_name, f.last_seen_at, f.flagged_at"
                    + " FROM privacy_inactive_flag f JOIN app_user u ON u.id = f.user_id ORDER BY f.flagged_at, u.id").getResultList();
            return rows.stream().map(r -> {
                Instant flaggedAt = queries.instant(r[4]);
                return new InactiveView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], queries.instant(r[3]),
                        flaggedAt, flaggedAt.plus(Duration.ofDays(config.retention().inactiveGraceDays())));
            }).toList();
        });
    }

    /** Tells each account flagged just now, in its own language, how to keep it. */
    private void warn(Timestamp flaggedAt) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT u.email, u.locale, u.display_name FROM privacy_inactive_flag f JOIN app_user u ON u.id = f.user_id"
                + " WHERE f.flagged_at = ?1 AND u.email IS NOT NULL").setParameter(1, flaggedAt).getResultList());
        String until = DateTimeFormatter.ofPattern("d.M.yyyy")
                .format(flaggedAt.toInstant().plus(Duration.ofDays(config.retention().inactiveGraceDays())).atZone(ZONE));
        for (Object[] r : rows) {
            String lang = (String) r[1];
            mailer.send(Mail.withText((String) r[0], messages.get(lang, "privacy.inactive.mail.subject"),
                    messages.get(lang, "privacy.inactive.mail.body", r[2], until, publicUrl)));
        }
    }
}
