package fi.askel.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Events chained by the old scheme (before V16: id = place, one lock per append) are migrated and still
 * verify; the sealer continues the same chain from their last hash. Runs the migrations on a database of its own.
 */
@QuarkusTest
class AccessChainMigrationTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void events_sealed_by_the_old_scheme_still_verify_after_v16_and_the_chain_goes_on_from_them() throws Exception {
        String database = "askel_v16_" + System.currentTimeMillis();
        String url = jdbcUrl.replaceFirst("/[A-Za-z0-9_]+\\?", "/" + database + "?");
        assertTrue(url.contains(database), url);
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("15").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            // Five events as the old AccessChain.append wrote them: id = place, hash over "askel-access-v1".
            String prev = AccessChain.GENESIS;
            Instant at = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO access_event (id, occurred_at, actor_id, actor_username, actor_name,"
                    + " actor_role, client_id, kind, purpose, route, remote_address, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (long id = 1; id <= 5; id++) {
                    AccessRecord r = new AccessRecord(id, null, at.plusSeconds(id), 7, "maija", "Maija Virtanen", "SPECIALIST", 40 + id,
                            "OVERVIEW_READ", "CARE", "GET /api/v1/clients/" + (40 + id) + "/overview", id == 3 ? null : "10.0.0.1", prev, null);
                    String hash = AccessChain.hash(r, true);
                    ps.setLong(1, id);
                    ps.setObject(2, LocalDateTime.ofInstant(r.occurredAt(), ZoneOffset.UTC));
                    ps.setLong(3, r.actorId());
                    ps.setString(4, r.actorUsername());
                    ps.setString(5, r.actorName());
                    ps.setString(6, r.actorRole());
                    ps.setLong(7, r.clientId());
                    ps.setString(8, r.kind());
                    ps.setString(9, r.purpose());
                    ps.setString(10, r.route());
                    ps.setString(11, r.remoteAddress());
                    ps.setString(12, prev);
                    ps.setString(13, hash);
                    ps.executeUpdate();
                    prev = hash;
                }
            }
            s.executeUpdate("UPDATE access_chain SET last_id = 5, last_hash = '" + prev + "' WHERE id = 1");
            String legacyHead = prev;

            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();

            AccessChainCheck.Verification migrated = AccessChainCheck.verify(c, 2);
            assertTrue(migrated.ok(), migrated.toString());
            assertEquals(5, migrated.checked());
            assertEquals(5, migrated.lastSeq());
            assertEquals(legacyHead, migrated.lastHash());

            // New events continue the chain; their ids come from AUTO_INCREMENT after the old ones.
            c.setAutoCommit(false);
            AccessChain.insert(c, List.of(
                    new AccessRecord.Draft(8, "kalle", "Kalle", "SPECIALIST", 50, "ANSWERS_READ", "CARE", "GET /x", null),
                    new AccessRecord.Draft(8, "kalle", "Kalle", "SPECIALIST", 51, "ANSWERS_READ", "CARE", "GET /x", null)),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS));
            c.commit();
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            AccessChain.Sealed sealed = AccessChain.seal(c, 100, Instant.now().truncatedTo(ChronoUnit.MILLIS));
            c.commit();
            c.setAutoCommit(true);
            assertEquals(2, sealed.events());
            assertEquals(6, sealed.firstSeq());
            assertEquals(legacyHead, single(c, "SELECT prev_hash FROM access_event WHERE seq = 6"));
            assertEquals("6", single(c, "SELECT id FROM access_event WHERE seq = 6"));

            AccessChainCheck.Verification continued = AccessChainCheck.verify(c, 2);
            assertTrue(continued.ok(), continued.toString());
            assertEquals(7, continued.checked());
            assertNull(continued.firstBrokenSeq());

            // An old event is still protected by its old hash.
            s.executeUpdate("UPDATE access_event SET actor_name = 'Joku muu' WHERE id = 2");
            AccessChainCheck.Verification edited = AccessChainCheck.verify(c, 2);
            assertFalse(edited.ok());
            assertEquals(2L, edited.firstBrokenSeq());
            assertEquals("altered", edited.problem());
        } finally {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + database);
            }
        }
    }

    private static String single(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
