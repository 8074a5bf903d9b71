package fi.askel.common.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * Which failures are "the database is not there for this request" (503, the sign-in kept) and which are
 * real errors: a full pool and a lost connection (a cluster node going away) are; a constraint is not.
 */
class DatabaseUnavailableTest {

    @Test
    void a_full_pool_and_a_lost_connection_are_unavailability_wherever_they_are_wrapped() {
        assertTrue(Overload.isUnavailable(new IllegalStateException("Could not check the sign-in",
                new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(Overload.isUnavailable(new RuntimeException(new IllegalStateException("wrapped",
                new SQLNonTransientConnectionException("socket closed", "08000")))));
        RuntimeException suppressing = new RuntimeException("commit failed");
        suppressing.addSuppressed(new SQLException("Connection refused", "08S01"));
        assertTrue(Overload.isUnavailable(suppressing));
    }

    @Test
    void other_database_errors_are_not() {
        assertFalse(Overload.isUnavailable(new IllegalStateException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000"))));
        assertFalse(Overload.isUnavailable(new SQLException("Deadlock found", "40001")));
        assertFalse(Overload.isUnavailable(new IllegalArgumentException("no SQL at all")));
    }
}
