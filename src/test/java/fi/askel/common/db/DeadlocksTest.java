package fi.askel.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which failures are tried again, and how often: the driver's deadlock as Hibernate and JDBC hand it over. */
class DeadlocksTest {

    private static PersistenceException deadlockAsHibernateThrowsIt() {
        return new PersistenceException("could not execute statement",
                new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
    }

    @Test
    void a_deadlock_is_tried_again_and_the_result_of_the_attempt_that_succeeds_is_returned() {
        AtomicInteger attempts = new AtomicInteger();
        int result = Deadlocks.retry("Test work", () -> {
            if (attempts.incrementAndGet() < Deadlocks.ATTEMPTS) {
                throw deadlockAsHibernateThrowsIt();
            }
            return 42;
        });
        assertEquals(42, result);
        assertEquals(Deadlocks.ATTEMPTS, attempts.get());
    }

    @Test
    void after_the_last_attempt_the_deadlock_itself_is_thrown() {
        AtomicInteger attempts = new AtomicInteger();
        PersistenceException last = deadlockAsHibernateThrowsIt();
        PersistenceException thrown = assertThrows(PersistenceException.class, () -> Deadlocks.retry("Test work", () -> {
            attempts.incrementAndGet();
            throw last;
        }));
        assertSame(last, thrown);
        assertEquals(Deadlocks.ATTEMPTS, attempts.get());
    }

    @Test
    void other_failures_are_not_tried_again() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Deadlocks.retry("Test work", () -> {
            attempts.incrementAndGet();
            throw new SQLException("Duplicate entry", "23000", 1062);
        }));
        assertEquals("Test work failed", thrown.getMessage());
        assertEquals(1, attempts.get());
        assertFalse(Deadlocks.isDeadlock(new SQLException("Lock wait timeout exceeded", "HY000", 1205)));
        assertTrue(Deadlocks.isDeadlock(new SQLException("WSREP detected deadlock/conflict", "40001", 1213)));
    }
}
