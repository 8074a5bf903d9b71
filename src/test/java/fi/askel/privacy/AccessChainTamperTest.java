package fi.askel.privacy;

import static fi.askel.privacy.AccessEventRows.insertForged;
import static fi.askel.privacy.AccessEventRows.sealedFrom;
import static fi.askel.privacy.AccessEventRows.string;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Rehab;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What the check finds: every kind of change to sealed events, a chain rebuilt consistently by someone without
 * the service's key (through the signed checkpoints, also from the command line), a forged checkpoint, a cut-off
 * end. Each change is undone afterwards. What it cannot check yet, the unsealed events, is counted and shown
 * ({@link AccessSealerLagTest}).
 */
@QuarkusTest
class AccessChainTamperTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AccessSealer sealer;

    @ConfigProperty(name = "askel.privacy.access-log.checkpoint-dir")
    Path checkpointDir;

    @Inject
    AccessLogIntegrity integrity;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String dbPassword;

    @Test
    void an_edited_a_deleted_an_inserted_and_a_reordered_sealed_event_are_each_found() throws Exception {
        long k = sealedPlaces().get(1);
        assertWhole();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // Edited
            String route = string(c, "SELECT route FROM access_event WHERE seq = " + k);
            s.executeUpdate("UPDATE access_event SET route = 'GET /nothing-to-see' WHERE seq = " + k);
            try {
                assertBroken(k, "altered");
            } finally {
                try (PreparedStatement ps = c.prepareStatement("UPDATE access_event SET route = ? WHERE seq = ?")) {
                    ps.setString(1, route);
                    ps.setLong(2, k);
                    ps.executeUpdate();
                }
            }
            assertWhole();

            // Deleted
            s.execute("DROP TEMPORARY TABLE IF EXISTS removed_event");
            s.execute("CREATE TEMPORARY TABLE removed_event AS SELECT * FROM access_event WHERE seq = " + k);
            s.executeUpdate("DELETE FROM access_event WHERE seq = " + k);
            try {
                assertBroken(k, "missing");
            } finally {
                s.executeUpdate("INSERT INTO access_event SELECT * FROM removed_event");
                s.execute("DROP TEMPORARY TABLE removed_event"); // the pooled connection outlives this test
            }
            assertWhole();

            // Inserted in the middle: the later events moved one place on, a forged event hashed correctly onto
            // the one before it, the head moved on too (all an attacker with write access can do without the key).
            s.executeUpdate("UPDATE access_event SET seq = seq + 1 WHERE seq >= " + k + " ORDER BY seq DESC");
            s.executeUpdate("UPDATE access_chain SET last_seq = last_seq + 1 WHERE id = 1");
            long forgedId = insertForged(c, k, string(c, "SELECT hash FROM access_event WHERE seq = " + (k - 1)));
            try {
                JsonPath v = verify();
                assertFalse(v.getBoolean("ok"));
                assertEquals(k + 1, v.getLong("firstBrokenSeq"), v.prettify());
                assertEquals("link", v.getString("problem"));
            } finally {
                s.executeUpdate("DELETE FROM access_event WHERE id = " + forgedId);
                s.executeUpdate("UPDATE access_event SET seq = seq - 1 WHERE seq > " + k + " ORDER BY seq ASC");
                s.executeUpdate("UPDATE access_chain SET last_seq = last_seq - 1 WHERE id = 1");
            }
            assertWhole();

            // Inserted after the end, the head left alone
            long head = Long.parseLong(string(c, "SELECT last_seq FROM access_chain WHERE id = 1"));
            forgedId = insertForged(c, head + 1, string(c, "SELECT last_hash FROM access_chain WHERE id = 1"));
            try {
                assertBroken(head + 1, "beyond-head");
            } finally {
                s.executeUpdate("DELETE FROM access_event WHERE id = " + forgedId);
            }
            assertWhole();

            // Reordered: two neighbours swap places
            s.executeUpdate("UPDATE access_event SET seq = -1 WHERE seq = " + k);
            s.executeUpdate("UPDATE access_event SET seq = " + k + " WHERE seq = " + (k + 1));
            s.executeUpdate("UPDATE access_event SET seq = " + (k + 1) + " WHERE seq = -1");
            try {
                assertBroken(k, "link");
            } finally {
                s.executeUpdate("UPDATE access_event SET seq = -1 WHERE seq = " + k);
                s.executeUpdate("UPDATE access_event SET seq = " + k + " WHERE seq = " + (k + 1));
                s.executeUpdate("UPDATE access_event SET seq = " + (k + 1) + " WHERE seq = -1");
            }
            assertWhole();
        }
    }

    @Test
    void a_whole_chain_recomputed_without_the_key_is_found_through_the_signed_checkpoints() throws Exception {
        long k = sealedPlaces().get(1);
        assertWhole();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertEquals("0", string(c, "SELECT legacy_seq FROM access_chain WHERE id = 1"), "a fresh test database");
            List<AccessRecord> original = sealedFrom(c, k);
            String head = string(c, "SELECT last_hash FROM access_chain WHERE id = 1");
            // Rewrite who read the data, then recompute every hash from there and the head: consistent in itself.
            String prev = original.get(0).prevHash();
            try (PreparedStatement ps = c.prepareStatement("UPDATE access_event SET actor_name = ?, prev_hash = ?, hash = ? WHERE id = ?")) {
                for (int i = 0; i < original.size(); i++) {
                    AccessRecord r = original.get(i);
                    String name = i == 0 ? "Joku muu" : r.actorName();
                    AccessRecord forged = new AccessRecord(r.id(), r.seq(), r.occurredAt(), r.actorId(), r.actorUsername(), name,
                            r.actorRole(), r.clientId(), r.kind(), r.purpose(), r.route(), r.remoteAddress(), prev, null);
                    prev = AccessChain.hash(forged, false);
                    ps.setString(1, name);
                    ps.setString(2, forged.prevHash());
                    ps.setString(3, prev);
                    ps.setLong(4, r.id());
                    ps.executeUpdate();
                }
            }
            s.executeUpdate("UPDATE access_chain SET last_hash = '" + prev + "' WHERE id = 1");
            try {
                assertTrue(AccessChainCheck.verify(c, 1000).ok(), "without checkpoints the rebuilt chain looks whole");
                JsonPath v = verify();
                assertFalse(v.getBoolean("ok"), v.prettify());
                assertEquals("checkpoint-mismatch", v.getString("problem"));
                assertTrue(v.getLong("firstBrokenSeq") >= k);

                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int exit = AccessLogVerify.run(jdbcUrl, dbUser, dbPassword, checkpointDir, publicKey(),
                        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
                assertEquals(1, exit, out.toString(StandardCharsets.UTF_8));
                assertTrue(out.toString(StandardCharsets.UTF_8).contains("(checkpoint-mismatch)"), out.toString(StandardCharsets.UTF_8));
            } finally {
                try (PreparedStatement ps = c.prepareStatement("UPDATE access_event SET actor_name = ?, prev_hash = ?, hash = ? WHERE id = ?")) {
                    for (AccessRecord r : original) {
                        ps.setString(1, r.actorName());
                        ps.setString(2, r.prevHash());
                        ps.setString(3, r.hash());
                        ps.setLong(4, r.id());
                        ps.executeUpdate();
                    }
                }
                s.executeUpdate("UPDATE access_chain SET last_hash = '" + head + "' WHERE id = 1");
            }
        }
        assertWhole();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(0, AccessLogVerify.run(jdbcUrl, dbUser, dbPassword, checkpointDir, publicKey(), print, print),
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void a_forged_checkpoint_and_events_cut_off_the_end_are_found() throws Exception {
        sealedPlaces();
        assertWhole();
        Path file = checkpointDir.resolve("access-" + LocalDateTime.now(ZoneOffset.UTC).toLocalDate() + ".log");
        assertTrue(Files.exists(file), "the sealer wrote today's checkpoint file " + file);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            long head = Long.parseLong(string(c, "SELECT last_seq FROM access_chain WHERE id = 1"));
            String headHash = string(c, "SELECT last_hash FROM access_chain WHERE id = 1");

            // A checkpoint line written by someone without the key
            byte[] before = Files.readAllBytes(file);
            AccessCheckpoints.Checkpoint forged = new AccessCheckpoints.Checkpoint(head + 1, "ab".repeat(32), Instant.now(), 1,
                    "SHA256withRSA", "AAAA");
            Files.writeString(file, forged.json() + "\n", StandardOpenOption.APPEND);
            try {
                JsonPath v = verify();
                assertFalse(v.getBoolean("ok"));
                assertEquals("checkpoint-signature", v.getString("problem"));
            } finally {
                Files.write(file, before);
            }
            assertWhole();

            // The last sealed event removed and the head moved back: consistent, but short of the signed checkpoint
            s.execute("DROP TEMPORARY TABLE IF EXISTS cut_event");
            s.execute("CREATE TEMPORARY TABLE cut_event AS SELECT * FROM access_event WHERE seq = " + head);
            String prevHash = string(c, "SELECT prev_hash FROM access_event WHERE seq = " + head);
            s.executeUpdate("DELETE FROM access_event WHERE seq = " + head);
            s.executeUpdate("UPDATE access_chain SET last_seq = " + (head - 1) + ", last_hash = '" + prevHash + "' WHERE id = 1");
            try {
                assertTrue(AccessChainCheck.verify(c, 1000).ok(), "without checkpoints the shorter chain looks whole");
                assertBroken(head, "checkpoint-beyond-head");
            } finally {
                s.executeUpdate("INSERT INTO access_event SELECT * FROM cut_event");
                s.execute("DROP TEMPORARY TABLE cut_event"); // the pooled connection outlives this test
                s.executeUpdate("UPDATE access_chain SET last_seq = " + head + ", last_hash = '" + headHash + "' WHERE id = 1");
            }
        }
        assertWhole();
    }

    /** A team's events, sealed; their places in the chain, in order (at least three). */
    private List<Long> sealedPlaces() throws Exception {
        Rehab.Team team = AccessLogFixtures.team("fi");
        long assignment = Rehab.assign(team, "sleep-and-recovery");
        team.specialist().as().get("/api/v1/assignments/" + assignment).then().statusCode(200);
        sealer.sealPending();
        List<Long> places = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT seq FROM access_event WHERE client_id = ? ORDER BY seq")) {
            ps.setLong(1, team.client().id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    places.add(rs.getLong(1));
                }
            }
        }
        assertTrue(places.size() >= 3 && places.get(0) > 0, places.toString());
        return places;
    }

    /** The service's public key as a PEM file, as an operator would hand it to the command-line check. */
    private Path publicKey() throws Exception {
        Path pem = Path.of("target", "access-log-test-public.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(integrity.publicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        return pem;
    }

    private static JsonPath verify() {
        return Api.admin().as().get("/api/v1/admin/access-log/verify").then().statusCode(200).extract().jsonPath();
    }

    private static void assertWhole() {
        JsonPath v = verify();
        assertTrue(v.getBoolean("ok"), v.prettify());
        assertTrue(v.getInt("checkpoints") > 0, "checkpoints were compared: " + v.prettify());
    }

    private static void assertBroken(long seq, String problem) {
        JsonPath v = verify();
        assertFalse(v.getBoolean("ok"), v.prettify());
        assertEquals(seq, v.getLong("firstBrokenSeq"), v.prettify());
        assertEquals(problem, v.getString("problem"), v.prettify());
    }
}
