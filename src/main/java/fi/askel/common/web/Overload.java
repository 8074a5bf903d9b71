package fi.askel.common.web;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Recognises a request that failed because the database could not be reached for it: every connection
 * stayed busy for the whole acquisition timeout (quarkus.datasource.jdbc.acquisition-timeout), or the
 * connection to the database server was lost (a cluster node going away; SQLSTATE class 08). Such a
 * request is answered 503 with Retry-After (ProblemMapper), never 500, and a sign-in is not ended by it:
 * the service is healthy, only momentarily without its database.
 */
public final class Overload {

    private Overload() {}

    /** A request that waited its turn longer than askel.http.admission-wait (AdmissionGate). */
    public static final class Busy extends RuntimeException {
        public Busy() {
            super("Waited longer than askel.http.admission-wait for a free place", null, false, false);
        }
    }

    /** True when {@code e}, or anything that caused it, is the pool giving up waiting or a lost database connection. */
    public static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Busy) {
                return true;
            }
            // Agroal's pool throws a plain SQLException ("Sorry, acquisition timeout!", or "Acquisition timeout
            // while waiting for new connection"); Hibernate, Narayana and the security layer wrap it.
            if (t instanceof SQLException && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed != t && isDatabaseUnavailable(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }
}
