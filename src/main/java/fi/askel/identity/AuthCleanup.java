package fi.askel.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes what sign-in security no longer needs: throttle counters a day after their last failure,
 * failed sign-in records after 90 days, reset links a week after they expired.
 * Idempotent deletes, so every instance may run it.
 */
@ApplicationScoped
public class AuthCleanup {

    private static final Logger LOG = Logger.getLogger(AuthCleanup.class);
    static final int FAILURE_LOG_DAYS = 90;

    private final EntityManager em;
    private final Clock clock;

    public AuthCleanup(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        int removed = run();
        if (removed > 0) {
            LOG.infof("Removed %d old sign-in security rows", removed);
        }
    }

    public int run() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            int n = em.createNativeQuery("DELETE FROM login_throttle WHERE last_failure_at < ?1 AND (locked_until IS NULL OR locked_until < ?2)")
                    .setParameter(1, now.minus(Duration.ofDays(1))).setParameter(2, now).executeUpdate();
            n += em.createNativeQuery("DELETE FROM login_failure WHERE attempted_at < ?1")
                    .setParameter(1, now.minus(Duration.ofDays(FAILURE_LOG_DAYS))).executeUpdate();
            n += em.createNativeQuery("DELETE FROM password_reset WHERE expires_at < ?1")
                    .setParameter(1, now.minus(Duration.ofDays(7))).executeUpdate();
            return n;
        });
    }
}
