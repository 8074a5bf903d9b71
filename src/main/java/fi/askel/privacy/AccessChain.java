package fi.askel.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain of the access log, in plain JDBC so the service and the command-line check share it.
 *
 * <p>Requests only {@link #insert} unsealed events (one statement, no lock shared with anyone). The sealer
 * ({@link AccessSealer}, one at a time) {@link #seal seals} them in id order: each gets the next place in the
 * chain ({@code seq}) and {@code hash = SHA-256(prev_hash || canonical(event))}, the first event's prev_hash
 * being 64 zeros. Events sealed before migration V16 keep the old canonical form ({@code askel-access-v1},
 * where the id was the place in the chain). {@link AccessChainCheck} walks the chain to verify it.
 */
public final class AccessChain {

    public static final String GENESIS = "0".repeat(64);
    static final String COLUMNS = "id, seq, occurred_at, actor_id, actor_username, actor_name, actor_role, client_id, kind, "
            + "purpose, route, remote_address, prev_hash, hash";
    private static final String CONTENT_COLUMNS = "occurred_at, actor_id, actor_username, actor_name, actor_role, client_id, "
            + "kind, purpose, route, remote_address";
    /** Rows per INSERT statement: a list page stays one statement, and far below the 65535 parameter limit. */
    private static final int INSERT_CHUNK = 1000;

    /** The sealed end of the chain: its place and hash, and where the events sealed by the old scheme end. */
    public record Head(long seq, String hash, long legacySeq) {}

    /** What one sealing transaction put into the chain. */
    public record Sealed(int events, long firstSeq, long lastSeq, String lastHash, Instant sealedAt) {}

    private AccessChain() {}

    /** The text that is hashed: every field in a fixed order, length-prefixed so no two events read alike. */
    static String canonical(AccessRecord r, boolean legacy) {
        StringBuilder sb = new StringBuilder(legacy ? "askel-access-v1" : "askel-access-v2");
        if (!legacy) {
            field(sb, Long.toString(r.seq()));
        }
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

    static String hash(AccessRecord r, boolean legacy) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(r.prevHash().getBytes(StandardCharsets.US_ASCII));
            sha.update(canonical(r, legacy).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes unsealed events in the connection's current transaction: one multi-row INSERT (more only past
     * {@value #INSERT_CHUNK} clients). No row is read or locked; a rollback takes the events with it.
     */
    static void insert(Connection c, List<AccessRecord.Draft> drafts, Instant at) throws SQLException {
        for (int from = 0; from < drafts.size(); from += INSERT_CHUNK) {
            List<AccessRecord.Draft> chunk = drafts.subList(from, Math.min(drafts.size(), from + INSERT_CHUNK));
            StringBuilder sql = new StringBuilder("INSERT INTO access_event (").append(CONTENT_COLUMNS).append(") VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?)");
            }
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int p = 0;
                LocalDateTime when = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
                for (AccessRecord.Draft d : chunk) {
                    ps.setObject(++p, when);
                    ps.setLong(++p, d.actorId());
                    ps.setString(++p, d.actorUsername());
                    ps.setString(++p, d.actorName());
                    ps.setString(++p, d.actorRole());
                    ps.setLong(++p, d.clientId());
                    ps.setString(++p, d.kind());
                    ps.setString(++p, d.purpose());
                    ps.setString(++p, d.route());
                    ps.setString(++p, d.remoteAddress());
                }
                ps.executeUpdate();
            }
        }
    }

    /** Reads a row in the column order of {@link #COLUMNS}. */
    static AccessRecord read(ResultSet rs) throws SQLException {
        long seq = rs.getLong(2);
        return new AccessRecord(rs.getLong(1), rs.wasNull() ? null : seq, rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14));
    }

    /** The head as committed (no lock); null when the head row is missing. */
    static Head head(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash, legacy_seq FROM access_chain WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new Head(rs.getLong(1), rs.getString(2), rs.getLong(3)) : null;
        }
    }

    /**
     * Seals up to {@code max} committed unsealed events, oldest id first, in the connection's current
     * transaction (the caller commits; READ COMMITTED, so no gap locks are taken next to the rows requests
     * insert). The head row is the sealers' lock: taken with SKIP LOCKED, so a second sealer returns null at
     * once instead of waiting. Returns an empty {@link Sealed} when there was nothing to seal.
     */
    static Sealed seal(Connection c, int max, Instant now) throws SQLException {
        Head head;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_seq, last_hash, legacy_seq FROM access_chain WHERE id = 1 FOR UPDATE SKIP LOCKED");
                ResultSet rs = ps.executeQuery()) {
            head = rs.next() ? new Head(rs.getLong(1), rs.getString(2), rs.getLong(3)) : null;
        }
        if (head == null) {
            if (head(c) == null) {
                throw new IllegalStateException("access_chain has no head row (migrations V8, V16)");
            }
            return null; // another sealer holds it
        }
        List<AccessRecord> pending = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM access_event WHERE seq IS NULL ORDER BY id LIMIT ?")) {
            ps.setInt(1, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pending.add(read(rs));
                }
            }
        }
        if (pending.isEmpty()) {
            return new Sealed(0, head.seq() + 1, head.seq(), head.hash(), now);
        }
        long seq = head.seq();
        String prev = head.hash();
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE access_event SET seq = ?, prev_hash = ?, hash = ? WHERE id = ? AND seq IS NULL")) {
            for (AccessRecord r : pending) {
                AccessRecord sealed = r.sealedAt(++seq, prev);
                prev = sealed.hash();
                ps.setLong(1, sealed.seq());
                ps.setString(2, sealed.prevHash());
                ps.setString(3, sealed.hash());
                ps.setLong(4, sealed.id());
                ps.addBatch();
            }
            for (int count : ps.executeBatch()) {
                if (count == 0) {
                    throw new IllegalStateException("An access event changed while it was being sealed");
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE access_chain SET last_seq = ?, last_hash = ?, sealed_at = ? WHERE id = 1")) {
            ps.setLong(1, seq);
            ps.setString(2, prev);
            ps.setObject(3, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.executeUpdate();
        }
        return new Sealed(pending.size(), head.seq() + 1, seq, prev, now);
    }

    /** How many events wait for the sealer, and when the oldest of them happened (null when none). */
    public record Unsealed(long count, Instant oldest) {}

    static Unsealed unsealed(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(occurred_at) FROM access_event WHERE seq IS NULL")) {
            rs.next();
            LocalDateTime oldest = rs.getObject(2, LocalDateTime.class);
            return new Unsealed(rs.getLong(1), oldest == null ? null : oldest.toInstant(ZoneOffset.UTC));
        }
    }
}
