package fi.askel.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain of the access log, in plain JDBC so the service and the command-line check share it.
 * Each row: {@code hash = SHA-256(prev_hash || canonical(row))}, the first row's prev_hash is 64 zeros.
 * Appends lock the single head row ({@code access_chain}) until their transaction ends, so concurrent
 * writers on any number of instances append one after another.
 */
public final class AccessChain {

    public static final String GENESIS = "0".repeat(64);
    static final String COLUMNS = "id, occurred_at, actor_id, actor_username, actor_name, actor_role, client_id, kind, "
            + "purpose, route, remote_address, prev_hash, hash";
    private static final int INSERT_CHUNK = 200;

    /** The outcome of a verification; {@code firstBrokenId} is the first row that is altered or missing. */
    public record Verification(boolean ok, long checked, Long firstBrokenId, String problem, long lastId, String lastHash) {}

    private AccessChain() {}

    /** The text that is hashed: every field in a fixed order, length-prefixed so no two rows read alike. */
    static String canonical(AccessRecord r) {
        StringBuilder sb = new StringBuilder("askel-access-v1");
        field(sb, Long.toString(r.id()));
        field(sb, Long.toString(r.occurredAt().toEpochMilli()));
        field(sb, Long.toString(r.actorId()));
        field(sb, r.actorUsername());
        field(sb, r.actorName());
        field(sb, r.actorRole());
        field(sb, Long.toString(r.clientId()));
        field(sb, r.kind());
        field(sb, r.purpose());
        field(sb, r.route());
        field(sb, r.remoteAddress());
        return sb.toString();
    }

    private static void field(StringBuilder sb, String value) {
        sb.append('|');
        if (value == null) {
            sb.append('~');
        } else {
            sb.append(value.length()).append(':').append(value);
        }
    }

    static String hash(AccessRecord r) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(r.prevHash().getBytes(StandardCharsets.US_ASCII));
            sha.update(canonical(r).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Appends the events in the connection's current transaction: locks the head, numbers and hashes the
     * rows, inserts them in a few multi-row statements and moves the head. Nothing is visible to others,
     * and the head stays locked, until that transaction commits; a rollback takes the events with it.
     */
    static List<AccessRecord> append(Connection c, List<AccessRecord.Draft> drafts) throws SQLException {
        long lastId;
        String lastHash;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_id, last_hash FROM access_chain WHERE id = 1 FOR UPDATE");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("access_chain has no head row (migration V8)");
            }
            lastId = rs.getLong(1);
            lastHash = rs.getString(2);
        }
        // Taken after the lock, so the time order follows the chain order on one instance.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<AccessRecord> rows = new ArrayList<>(drafts.size());
        for (AccessRecord.Draft d : drafts) {
            AccessRecord r = d.at(++lastId, now, lastHash);
            lastHash = r.hash();
            rows.add(r);
        }
        for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
            insert(c, rows.subList(from, Math.min(rows.size(), from + INSERT_CHUNK)));
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE access_chain SET last_id = ?, last_hash = ? WHERE id = 1")) {
            ps.setLong(1, lastId);
            ps.setString(2, lastHash);
            ps.executeUpdate();
        }
        return rows;
    }

    private static void insert(Connection c, List<AccessRecord> rows) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO access_event (").append(COLUMNS).append(") VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,?,?)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 0;
            for (AccessRecord r : rows) {
                ps.setLong(++p, r.id());
                ps.setObject(++p, LocalDateTime.ofInstant(r.occurredAt(), ZoneOffset.UTC));
                ps.setLong(++p, r.actorId());
                ps.setString(++p, r.actorUsername());
                ps.setString(++p, r.actorName());
                ps.setString(++p, r.actorRole());
                ps.setLong(++p, r.clientId());
                ps.setString(++p, r.kind());
                ps.setString(++p, r.purpose());
                ps.setString(++p, r.route());
                ps.setString(++p, r.remoteAddress());
                ps.setString(++p, r.prevHash());
                ps.setString(++p, r.hash());
            }
            ps.executeUpdate();
        }
    }

    /** Reads a row written by {@link #append} (the same column order as {@link #COLUMNS}). */
    static AccessRecord read(ResultSet rs) throws SQLException {
        return new AccessRecord(rs.getLong(1), rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getLong(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13));
    }

    /**
     * Walks the whole chain in id order, {@code batch} rows at a time, in one consistent snapshot (so
     * appends made meanwhile neither disturb nor get checked), and compares its end with the head.
     */
    public static Verification verify(Connection c, int batch) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        try {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            try (PreparedStatement snapshot = c.prepareStatement("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY")) {
                snapshot.execute();
            }
            Verification result = walk(c, batch);
            c.commit();
            return result;
        } finally {
            c.setAutoCommit(autoCommit);
            c.setTransactionIsolation(isolation);
        }
    }

    private static Verification walk(Connection c, int batch) throws SQLException {
        long headId;
        String headHash;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_id, last_hash FROM access_chain WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new Verification(false, 0, 1L, "head-missing", 0, GENESIS);
            }
            headId = rs.getLong(1);
            headHash = rs.getString(2);
        }
        long checked = 0;
        long prevId = 0;
        String prevHash = GENESIS;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM access_event WHERE id > ? ORDER BY id LIMIT ?")) {
            while (true) {
                ps.setLong(1, prevId);
                ps.setInt(2, batch);
                int seen = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        seen++;
                        AccessRecord r = read(rs);
                        checked++;
                        if (r.id() != prevId + 1) {
                            return broken(checked, prevId + 1, "missing", headId, headHash);
                        }
                        if (r.id() > headId) {
                            return broken(checked, r.id(), "beyond-head", headId, headHash);
                        }
                        if (!r.prevHash().equals(prevHash)) {
                            return broken(checked, r.id(), "link", headId, headHash);
                        }
                        if (!hash(r).equals(r.hash())) {
                            return broken(checked, r.id(), "altered", headId, headHash);
                        }
                        prevId = r.id();
                        prevHash = r.hash();
                    }
                }
                if (seen < batch) {
                    break;
                }
            }
        }
        if (prevId != headId) {
            return broken(checked, prevId + 1, "missing", headId, headHash);
        }
        if (!prevHash.equals(headHash)) {
            return broken(checked, prevId, "head-mismatch", headId, headHash);
        }
        return new Verification(true, checked, null, null, headId, headHash);
    }

    private static Verification broken(long checked, long id, String problem, long headId, String headHash) {
        return new Verification(false, checked, id, problem, headId, headHash);
    }
}
