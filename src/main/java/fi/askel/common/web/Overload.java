package fi.askel.common.web;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Recognises a request that failed because every database connection stayed busy for the whole
 * acquisition timeout (quarkus.datasource.jdbc.acquisition-timeout). Such a request is answered 503
 * with Retry-After (ProblemMapper), never 500: the service is healthy, only momentarily full.
 */
public final class Overload {

    private Overload() {}

    /** True when {@code e}, or anything that caused it, is the connection pool giving up waiting. */
    public static boolean isPoolTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Agroal's pool throws a plain SQLException ("Sorry, acquisition timeout!", or "Acquisition timeout
            // while waiting for new connection"); Hibernate, Narayana and the security layer wrap it.
            if (t instanceof SQLException && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed != t && isPoolTimeout(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }
}
