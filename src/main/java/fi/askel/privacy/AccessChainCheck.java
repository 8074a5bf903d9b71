package fi.askel.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Verifies the access log's hash chain ({@link AccessChain}): every sealed event in place, linked and unaltered, the
 * end matching the head row, and the signed checkpoints matching the hashes at their places. In plain JDBC, so the
 * service (admin page, health, readiness evidence) and the command-line check ({@link AccessLogVerify}) share it.
 */
public final class AccessChainCheck {

    /**
     * The outcome of a verification. {@code firstBrokenSeq} is the first place in the chain found broken,
     * {@code firstBrokenId} the id of the event there (null when it is missing). {@code unsealed} events are
     * not in the chain yet; {@code checkpoints} signed checkpoints were compared, the last at
     * {@code lastCheckpointSeq}; {@code sealedAfterCheckpoint} sealed events come after it.
     */
    public record Verification(boolean ok, long checked, Long firstBrokenId, Long firstBrokenSeq, String problem, long lastSeq,
            String lastHash, long unsealed, Instant oldestUnsealedAt, int checkpoints, Long lastCheckpointSeq,
            long sealedAfterCheckpoint) {}

    private AccessChainCheck() {}

    /** Checks the chain alone, without checkpoints (see {@link #verify(Connection, int, AccessCheckpoints.Loaded)}). */
    public static Verification verify(Connection c, int batch) throws SQLException {
        return verify(c, batch, AccessCheckpoints.Loaded.NONE);
    }

    /**
     * Walks the sealed chain in seq order, {@code batch} rows at a time, in one consistent snapshot (so
     * sealing meanwhile neither disturbs nor gets checked), compares its end with the head and the hashes at
     * the checkpoints' places with the signed ones, and counts the events not sealed yet. Read the
     * checkpoints before calling, so none can be newer than the snapshot.
     */
    public static Verification verify(Connection c, int batch, AccessCheckpoints.Loaded checkpoints) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        try {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            try (PreparedStatement snapshot = c.prepareStatement("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY")) {
                snapshot.execute();
            }
            Verification result = walk(c, batch, checkpoints);
            c.commit();
            return result;
        } finally {
            c.setAutoCommit(autoCommit);
            c.setTransactionIsolation(isolation);
        }
    }

    private record Broken(Long id, long seq, String problem) {}

    private static Verification walk(Connection c, int batch, AccessCheckpoints.Loaded loaded) throws SQLException {
        AccessChain.Unsealed unsealed = AccessChain.unsealed(c);
        AccessChain.Head head = AccessChain.head(c);
        if (head == null) {
            return new Verification(false, 0, null, 1L, "head-missing", 0, AccessChain.GENESIS, unsealed.count(), unsealed.oldest(),
                    0, null, 0);
        }
        NavigableMap<Long, AccessCheckpoints.Checkpoint> expected = new TreeMap<>();
        loaded.checkpoints().forEach(cp -> expected.put(cp.seq(), cp));
        long checked = 0;
        int compared = 0;
        long prevSeq = 0;
        String prevHash = AccessChain.GENESIS;
        Broken broken = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + AccessChain.COLUMNS + " FROM access_event WHERE seq > ? ORDER BY seq LIMIT ?")) {
            walking:
            while (true) {
                ps.setLong(1, prevSeq);
                ps.setInt(2, batch);
                int seen = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        seen++;
                        AccessRecord r = AccessChain.read(rs);
                        checked++;
                        long seq = r.seq();
                        boolean legacy = seq <= head.legacySeq();
                        if (seq != prevSeq + 1) {
                            broken = new Broken(null, prevSeq + 1, "missing");
                        } else if (seq > head.seq()) {
                            broken = new Broken(r.id(), seq, "beyond-head");
                        } else if (r.prevHash() == null || !r.prevHash().equals(prevHash)) {
                            broken = new Broken(r.id(), seq, "link");
                        } else if (r.hash() == null || (legacy && r.id() != seq) || !AccessChain.hash(r, legacy).equals(r.hash())) {
                            broken = new Broken(r.id(), seq, "altered");
                        } else {
                            AccessCheckpoints.Checkpoint cp = expected.get(seq);
                            if (cp != null) {
                                compared++;
                                if (!cp.hash().equals(r.hash())) {
                                    broken = new Broken(r.id(), seq, "checkpoint-mismatch");
                                }
                            }
                        }
                        if (broken != null) {
                            break walking;
                        }
                        prevSeq = seq;
                        prevHash = r.hash();
                    }
                }
                if (seen < batch) {
                    break;
                }
            }
        }
        if (broken == null && prevSeq != head.seq()) {
            broken = new Broken(null, prevSeq + 1, "missing");
        }
        if (broken == null && !prevHash.equals(head.hash())) {
            broken = new Broken(null, prevSeq, "head-mismatch");
        }
        if (broken == null && loaded.badSignature() != null) {
            broken = new Broken(null, loaded.badSignature().seq(), "checkpoint-signature");
        }
        if (broken == null && !expected.isEmpty() && expected.lastKey() > head.seq()) {
            // A signed checkpoint names a place the chain no longer reaches: sealed events were cut off the end.
            broken = new Broken(null, head.seq() + 1, "checkpoint-beyond-head");
        }
        Long lastCheckpoint = expected.isEmpty() ? null : expected.floorKey(head.seq());
        long after = head.seq() - (lastCheckpoint == null ? 0 : lastCheckpoint);
        return new Verification(broken == null, checked, broken == null ? null : broken.id(),
                broken == null ? null : broken.seq(), broken == null ? null : broken.problem(), head.seq(), head.hash(),
                unsealed.count(), unsealed.oldest(), compared, lastCheckpoint, after);
    }
}
