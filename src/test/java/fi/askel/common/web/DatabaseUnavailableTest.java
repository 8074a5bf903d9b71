package fi.askel.common.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * Which failures are "the database is not there for this request" (503, the sign-in kept) and which are
 * real errors: a full pool and a lost connection (a cluster node going away) are; a constraint is not. And which
 * are a write that lost a race with another (409).
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
        // A pooled connection found dead as a transaction starts on it: Agroal's exception carries no SQLSTATE
        // (the cause stays in Narayana's log); LostConnectionTest makes one.
        assertTrue(Overload.isUnavailable(new RuntimeException("Unable to acquire JDBC Connection",
                new SQLException("Exception in association of connection to existing transaction",
                        new SQLException("Failed to enlist. Check if a connection from another datasource is already enlisted"
                                + " to the same transaction")))));
        assertTrue(Overload.isUnavailable(new Overload.LostConnection("client")));
    }

    @Test
    void other_database_errors_are_not() {
        assertFalse(Overload.isUnavailable(new IllegalStateException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000"))));
        assertFalse(Overload.isUnavailable(new SQLException("Deadlock found", "40001")));
        assertFalse(Overload.isUnavailable(new IllegalArgumentException("no SQL at all")));
    }

    /** Lost races with another write (answered 409, ProblemMapper): a duplicate key, a deadlock or Galera conflict, a lock wait. */
    @Test
    void a_write_that_lost_a_race_is_a_conflict_wherever_it_is_wrapped() {
        assertTrue(Overload.isWriteConflict(new IllegalStateException("could not execute statement",
                new SQLIntegrityConstraintViolationException("Duplicate entry '1-MIDPOINT' for key 'PRIMARY'", "23000", 1062))));
        assertTrue(Overload.isWriteConflict(new RuntimeException(new SQLException("Deadlock found when trying to get lock",
                "40001", 1213))));
        assertTrue(Overload.isWriteConflict(new SQLException("WSREP detected deadlock/conflict", "40001")));
        assertTrue(Overload.isWriteConflict(new SQLException("Lock wait timeout exceeded", "HY000", 1205)));
        assertFalse(Overload.isWriteConflict(new SQLIntegrityConstraintViolationException("Column 'title' cannot be null",
                "23000", 1048)), "another constraint is a real error");
        assertFalse(Overload.isWriteConflict(new SQLException("You have an error in your SQL syntax", "42000", 1064)));
        assertFalse(Overload.isWriteConflict(new SQLException("Sorry, acquisition timeout!")), "a full pool is a 503");
    }

    /** A browser that dropped its request (a double-clicked form sends twice and drops the first) is nobody's error. */
    @Test
    void a_connection_closed_while_its_body_was_read_is_the_client_gone() {
        assertTrue(Overload.clientGone(new java.io.IOException(new java.nio.channels.ClosedChannelException())));
        assertFalse(Overload.clientGone(new java.io.IOException("Broken pipe in a file write")));
    }
}
