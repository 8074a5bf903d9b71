package fi.askel.common.web;

import io.vertx.core.http.HttpClosedException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Recognises a request that could not be served for want of capacity: it waited longer than
 * askel.http.admission-wait for its turn (AdmissionGate), every connection
 * stayed busy for the whole acquisition timeout (quarkus.datasource.jdbc.acquisition-timeout), or the
 * connection to the database server was lost (a cluster node going away; SQLSTATE class 08). Such a
 * request is answered 503 with Retry-After (ProblemMapper), never 500, and a sign-in is not ended by it:
 * the service is healthy, only momentarily without its database.
 *
 * <p>A connection can also be found lost where its SQLSTATE does not reach us: a pooled connection whose node went
 * away fails when a transaction starts on it (Narayana logs ARJUNA016061 with the cause and marks the transaction
 * rollback-only; Agroal then throws an SQLException of its own without a SQLSTATE). After that, Hibernate's find()
 * answers null instead of throwing (HHH-12472), so "not found" in such a transaction proves nothing
 * ({@link LostConnection}, thrown by ApiException.notFound).
 */
public final class Overload {

    private Overload() {}

    /** A request that waited its turn longer than askel.http.admission-wait (AdmissionGate). */
    public static final class Busy extends RuntimeException {
        public Busy() {
            super("Waited longer than askel.http.admission-wait for a free place", null, false, false);
        }
    }

    /**
     * A read found nothing in a transaction that had already failed: its connection was lost before it could be used.
     * Hibernate's find() answers null then, so the "not found" it would lead to is not told (ApiException.notFound).
     */
    public static final class LostConnection extends RuntimeException {
        public LostConnection(String what) {
            super("Not found (" + what + ") in a transaction marked rollback-only: a read may have failed rather than found"
                    + " nothing (its connection lost)", null, false, false);
        }
    }

    /** Agroal's message when a pooled connection cannot be made part of the request's transaction (see above). */
    static final String NOT_ENLISTED = "Exception in association of connection to existing transaction";

    /**
     * True when {@code e}, or anything that caused it, is a request that waited too long for its turn
     * ({@link Busy}), the pool giving up waiting, or a lost database connection (also one lost before the
     * transaction could use it).
     */
    public static boolean isUnavailable(Throwable e) {
        return anyCause(e, t -> t instanceof Busy || t instanceof LostConnection
                || t instanceof SQLException && NOT_ENLISTED.equals(t.getMessage())
                // Agroal's pool throws a plain SQLException ("Sorry, acquisition timeout!", or "Acquisition timeout
                // while waiting for new connection"); Hibernate, Narayana and the security layer wrap it.
                || t instanceof SQLException && t.getMessage() != null
                        && t.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")
                || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"));
    }

    /**
     * True when the request lost a race with another request writing the same rows at the same moment: a duplicate key
     * (MariaDB error 1062: two first saves of one thing, such as a form sent twice by a double click), a deadlock or, on a
     * Galera cluster, a certification conflict (1213, SQLSTATE 40001), or a lock wait that ran out (1205). Nothing of
     * the request was kept; it is answered 409 (ProblemMapper), never 500.
     */
    public static boolean isWriteConflict(Throwable e) {
        return anyCause(e, t -> t instanceof SQLException sql && (sql.getErrorCode() == 1062 || sql.getErrorCode() == 1213
                || sql.getErrorCode() == 1205 || "40001".equals(sql.getSQLState())));
    }

    /**
     * True when the request failed because the person's connection closed before the answer was written, or while its
     * body was still being read (a double click sends a form twice and the browser drops the first: the server then reads
     * a closed channel).
     */
    public static boolean clientGone(Throwable e) {
        return anyCause(e, t -> t instanceof HttpClosedException || t instanceof ClosedChannelException);
    }

    private static boolean anyCause(Throwable e, Predicate<Throwable> test) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed != t && anyCause(suppressed, test)) {
                    return true;
                }
            }
        }
        return false;
    }
}
