package fi.askel.support;

import fi.askel.common.EmbeddedMariaDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts the statements the database server receives while a request runs, with the server's own
 * counters (SHOW GLOBAL STATUS), so native queries, writes and COMMITs count as well as Hibernate's
 * queries. The driver's autocommit switches around a transaction ({@code set autocommit=0/1}, which the
 * connection pool sends on its own) are counted separately and left out of {@link Count#statements()}.
 *
 * <p>The counters are server-wide: a background job running at the same moment would add to them, so a
 * measurement is repeated and the smallest taken ({@link #fewest}). Nothing else can make a count smaller.
 */
public final class Statements {

    /** What the server received: statements (less autocommit switches), of which SELECTs and writes, and the switches. */
    public record Count(long statements, long selects, long writes, long autocommitSwitches) {
        @Override
        public String toString() {
            return statements + " statements (" + selects + " SELECT, " + writes + " INSERT/UPDATE/DELETE; and "
                    + autocommitSwitches + " autocommit switches)";
        }
    }

    private Statements() {}

    /** The fewest statements any of {@code times} runs of {@code request} took. */
    public static Count fewest(int times, Runnable request) {
        Count best = null;
        for (int i = 0; i < times; i++) {
            Count c = during(request);
            if (best == null || c.statements() < best.statements()) {
                best = c;
            }
        }
        return best;
    }

    /** The statements the server received while {@code request} ran. */
    public static Count during(Runnable request) {
        EmbeddedMariaDb.Connection db = EmbeddedDbTestResource.external()
                .orElseGet(() -> EmbeddedMariaDb.ensureStarted(EmbeddedDbTestResource.DATA_DIR));
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            Map<String, Long> own = delta(status(c), status(c)); // what reading the counters itself adds
            Map<String, Long> before = status(c);
            request.run();
            Map<String, Long> d = delta(before, status(c));
            long switches = d.get("Com_set_option") - own.get("Com_set_option");
            long total = d.get("Questions") - own.get("Questions");
            return new Count(total - switches, d.get("Com_select") - own.get("Com_select"),
                    d.get("Com_insert") + d.get("Com_insert_select") + d.get("Com_update") + d.get("Com_delete"), switches);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> status(Connection c) throws SQLException {
        Map<String, Long> values = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN"
                + " ('Questions', 'Com_select', 'Com_insert', 'Com_insert_select', 'Com_update', 'Com_delete', 'Com_set_option')")) {
            while (r.next()) {
                values.put(r.getString(1), r.getLong(2));
            }
        }
        return values;
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new HashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.get(k)));
        return d;
    }
}
