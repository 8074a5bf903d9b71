package fi.askel.common.db;

import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;

/**
 * Work the database may roll back as a deadlock, tried again. MariaDB reports a deadlock victim as error 1213
 * (SQLSTATE 40001), and Galera reports a conflict with a commit on another node the same way, at commit. The
 * rolled-back attempt changed nothing, so the work must be a whole transaction of its own that reads again what
 * it needs: then trying it again is safe.
 */
public final class Deadlocks {

    private static final Logger LOG = Logger.getLogger(Deadlocks.class);

    /** Attempts in all, the first included. */
    public static final int ATTEMPTS = 3;

    private Deadlocks() {
    }

    /** Whether {@code e}, or anything that caused it, is MariaDB's deadlock or Galera's certification failure. */
    public static boolean isDeadlock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && (s.getErrorCode() == 1213 || "40001".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code transaction} (one whole transaction), again after a short pause when it was rolled back as a
     * deadlock, up to {@value #ATTEMPTS} times; any other failure, or the last deadlock, is thrown as it came
     * (checked exceptions wrapped in an IllegalStateException naming {@code what}).
     */
    public static <T> T retry(String what, Callable<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.call();
            } catch (Exception e) {
                if (!isDeadlock(e) || attempt >= ATTEMPTS) {
                    if (e instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(what + " failed", e);
                }
                LOG.infof("%s was rolled back as a deadlock (%s); trying again", what, e.getMessage());
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
