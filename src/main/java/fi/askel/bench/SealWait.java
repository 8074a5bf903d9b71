package fi.askel.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Waits while a running service's sealer ({@code privacy.AccessSealer}) puts the generated access-log events
 * into the hash chain, showing how many are left, so the set is measured sealed and the time it took is known.
 */
final class SealWait {

    private SealWait() {
    }

    /** Answers the seconds it took, or -1 when events were still unsealed after {@code timeoutSeconds}. */
    static double await(Connection db, PrintStream log, long timeoutSeconds) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        long first = unsealed(db);
        Progress progress = new Progress(log, "access_event (sealing)", first);
        long left = first;
        while (left > 0) {
            if (System.nanoTime() - started > timeoutSeconds * 1_000_000_000L) {
                log.printf("%n%,d access-log events still unsealed after %d s: is the service running on this database?%n",
                        left, timeoutSeconds);
                return -1;
            }
            Thread.sleep(1_000);
            long now = unsealed(db);
            progress.advance((int) (left - now));
            left = now;
        }
        progress.finish();
        return (System.nanoTime() - started) / 1e9;
    }

    private static long unsealed(Connection db) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM access_event WHERE seq IS NULL")) {
            rs.next();
            long n = rs.getLong(1);
            db.commit();
            return n;
        }
    }
}
