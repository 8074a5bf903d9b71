package fi.askel.privacy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The access log's rows as someone with write access to the database sees and changes them, for the tamper tests. */
final class AccessEventRows {

    private AccessEventRows() {}

    static long insertForged(Connection c, long seq, String prevHash) throws Exception {
        long id = Long.parseLong(string(c, "SELECT MAX(id) + 100000 FROM access_event"));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AccessRecord forged = new AccessRecord(id, seq, at, 1, "intruder", "Intruder", "ADMIN", 1, "OVERVIEW_READ", "CARE",
                "GET /forged", null, prevHash, null);
        String hash = AccessChain.hash(forged, false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO access_event (id, seq, occurred_at, actor_id, actor_username,"
                + " actor_name, actor_role, client_id, kind, purpose, route, prev_hash, hash)"
                + " VALUES (?, ?, ?, 1, 'intruder', 'Intruder', 'ADMIN', 1, 'OVERVIEW_READ', 'CARE', 'GET /forged', ?, ?)")) {
            ps.setLong(1, id);
            ps.setLong(2, seq);
            ps.setObject(3, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setString(4, prevHash);
            ps.setString(5, hash);
            ps.executeUpdate();
        }
        return id;
    }

    static List<AccessRecord> sealedFrom(Connection c, long seq) throws Exception {
        List<AccessRecord> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + AccessChain.COLUMNS + " FROM access_event WHERE seq >= ? ORDER BY seq")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(AccessChain.read(rs));
                }
            }
        }
        return rows;
    }

    static String string(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
