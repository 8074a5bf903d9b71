package fi.askel.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A sealing transaction that the database rolls back as a deadlock (InnoDB's victim here; on Galera the same error
 * reports a conflict with another node's commit) is tried again: the run does not fail, and the chain stays whole
 * and unforked.
 */
@QuarkusTest
class AccessSealerDeadlockTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AccessSealer sealer;

    @Test
    void a_sealer_picked_as_a_deadlock_victim_tries_again_and_the_chain_verifies() throws Exception {
        sealer.sealPending();
        List<Long> fresh = insert(3);
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            // The blocker weighs more than the sealer (many inserted rows), so InnoDB rolls the sealer back.
            insert(blocker, 300);
            lock(blocker, "SELECT id FROM access_event WHERE id = " + fresh.get(0) + " FOR UPDATE");
            CompletableFuture<AccessSealer.Run> run = CompletableFuture.supplyAsync(sealer::sealPending);
            waitForLockWait();
            // The sealer holds the head and waits for the blocker's event; the blocker now wants the head: a deadlock.
            lock(blocker, "SELECT last_seq FROM access_chain WHERE id = 1 FOR UPDATE");
            blocker.commit();
            AccessSealer.Run first = run.get(60, TimeUnit.SECONDS);
            assertTrue(first.skipped() || first.events() >= fresh.size(),
                    "the run that met the deadlock ended normally (sealed, or skipped while the blocker held the head): " + first);
        }
        sealer.sealPending();
        try (Connection c = dataSource.getConnection()) {
            AccessChainCheck.Verification v = AccessChainCheck.verify(c, 1000);
            assertTrue(v.ok(), "the chain verifies after the retried seal: " + v);
            assertEquals(0, v.unsealed(), "every event is sealed");
            assertEquals(0, count(c, "SELECT COUNT(*) FROM (SELECT seq FROM access_event WHERE seq IS NOT NULL GROUP BY seq HAVING COUNT(*) > 1) f"),
                    "no place in the chain is taken twice");
            for (long id : fresh) {
                assertEquals(1, count(c, "SELECT COUNT(*) FROM access_event WHERE seq IS NOT NULL AND id = " + id), "event " + id + " sealed");
            }
        }
    }

    private List<Long> insert(int n) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<Long> ids = insert(c, n);
            c.commit();
            return ids;
        }
    }

    private static List<Long> insert(Connection c, int n) throws Exception {
        long before = count(c, "SELECT COALESCE(MAX(id), 0) FROM access_event");
        AccessChain.insert(c, IntStream.range(0, n).mapToObj(i -> new AccessRecord.Draft(1, "deadlock-test", "Deadlock Test",
                "SPECIALIST", 2, "OVERVIEW_READ", "CARE", "/test/deadlock", "127.0.0.1")).toList(), Instant.now());
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM access_event WHERE id > ? AND route = '/test/deadlock' ORDER BY id")) {
            ps.setLong(1, before);
            try (ResultSet rs = ps.executeQuery()) {
                List<Long> ids = new java.util.ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids;
            }
        }
    }

    private static void lock(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql + " found its row");
        }
    }

    /** Until the sealer's update waits for the blocker's event (the processlist shows the service account's own threads). */
    private void waitForLockWait() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            for (int i = 0; i < 300; i++) {
                if (count(c, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'UPDATE access_event SET seq%'") > 0) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the sealer never waited for the blocker's lock");
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
