package fi.askel.privacy;

import fi.askel.common.NativeRows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Whether the access log is whole (chain and checkpoints) and whether its sealer keeps up. */
@ApplicationScoped
public class AccessLogIntegrity {

    static final int BATCH = 1000;

    /**
     * The events waiting for the sealer: how many, the oldest one's time, and whether the sealer is behind
     * (the oldest waited longer than {@code askel.privacy.access-log.late-after}).
     */
    @TemplateData
    public record SealerStatus(long unsealed, Instant oldestUnsealedAt, boolean behind, long lateAfterSeconds) {

        /** Whole minutes the oldest unsealed event has waited (0 when none waits). */
        public long waitedMinutes() {
            return oldestUnsealedAt == null ? 0 : Math.max(0, Duration.between(oldestUnsealedAt, Instant.now()).toMinutes());
        }
    }

    private final AgroalDataSource dataSource;
    private final EntityManager em;
    private final NativeRows rows;
    private final PrivacyConfig config;
    private final Path checkpointDir;
    private final Optional<String> publicKeyInline;
    private final Optional<String> publicKeyLocation;
    private volatile PublicKey publicKey;

    public AccessLogIntegrity(AgroalDataSource dataSource, EntityManager em, NativeRows rows, PrivacyConfig config,
            @ConfigProperty(name = "askel.data-dir") String dataDir,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> publicKeyInline,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> publicKeyLocation) {
        this.publicKeyInline = publicKeyInline;
        this.dataSource = dataSource;
        this.em = em;
        this.rows = rows;
        this.config = config;
        this.checkpointDir = AccessSealer.checkpointDir(config, dataDir);
        this.publicKeyLocation = publicKeyLocation;
    }

    /**
     * Checks the whole chain and compares it with the checkpoint files. It reads in one consistent snapshot
     * on a connection of its own and gives it back before returning, so call it before a page's own
     * transaction (a caller's transaction is suspended meanwhile rather than mixed into the snapshot).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public AccessChainCheck.Verification verify() {
        AccessCheckpoints.Loaded checkpoints = AccessCheckpoints.load(checkpointDir, publicKey());
        try (Connection c = dataSource.getConnection()) {
            return AccessChainCheck.verify(c, BATCH, checkpoints);
        } catch (SQLException e) {
            throw new IllegalStateException("Verifying the access log failed", e);
        }
    }

    /** One query (the unsealed events through the seq index), in the caller's transaction when there is one. */
    @Transactional
    public SealerStatus status() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT COUNT(*), MIN(occurred_at) FROM access_event WHERE seq IS NULL")
                .getSingleResult();
        long count = ((Number) row[0]).longValue();
        Instant oldest = rows.instant(row[1]);
        Duration late = config.accessLog().lateAfter();
        boolean behind = oldest != null && oldest.isBefore(Instant.now().minus(late));
        return new SealerStatus(count, oldest, behind, late.toSeconds());
    }

    /** The key the checkpoints are checked with (the service's token-verification key). */
    public PublicKey publicKey() {
        PublicKey key = publicKey;
        if (key == null) {
            key = AccessCheckpoints.publicKey(publicKeyInline, publicKeyLocation);
            publicKey = key;
        }
        return key;
    }
}
