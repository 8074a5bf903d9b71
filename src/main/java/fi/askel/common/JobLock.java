package fi.askel.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Runs a scheduled job once across all instances. Every instance's scheduler fires; each asks
 * {@link #tryAcquire} for the job's name and day, and only the one whose row lands in {@code job_run}
 * (primary key name + run_date) goes on. Nothing is held open while the job runs, so an instance that
 * dies mid-run simply loses that day's run; jobs are written so the next day's run catches up.
 *
 * <pre>
 * if (jobLock.tryAcquire("peer-digest", today)) { ...; jobLock.finish("peer-digest", today); }
 * </pre>
 */
@ApplicationScoped
public class JobLock {

    private final EntityManager em;
    private final String instance = instanceName();

    public JobLock(EntityManager em) {
        this.em = em;
    }

    /** True when this instance won the run of {@code name} for {@code runDate}; false when another did already. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean tryAcquire(String name, LocalDate runDate) {
        int inserted = em.createNativeQuery(
                "INSERT IGNORE INTO job_run (name, run_date, started_at, instance) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, name)
                .setParameter(2, java.sql.Date.valueOf(runDate))
                .setParameter(3, Timestamp.from(Instant.now()))
                .setParameter(4, instance)
                .executeUpdate();
        return inserted == 1;
    }

    /** Records that the run finished (for operators reading job_run). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(String name, LocalDate runDate) {
        em.createNativeQuery("UPDATE job_run SET finished_at = ?1 WHERE name = ?2 AND run_date = ?3")
                .setParameter(1, Timestamp.from(Instant.now()))
                .setParameter(2, name)
                .setParameter(3, java.sql.Date.valueOf(runDate))
                .executeUpdate();
    }

    private static String instanceName() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            String name = host + "/" + ProcessHandle.current().pid();
            return name.length() > 120 ? name.substring(0, 120) : name;
        } catch (UnknownHostException e) {
            return "pid " + ProcessHandle.current().pid();
        }
    }
}
