package fi.askel.privacy;

import fi.askel.common.db.Deadlocks;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Seals the access log: every few seconds ({@code askel.privacy.access-log.seal-every}) on every instance,
 * but one sealer at a time across instances: the chain's head row is the sealers' lock, taken with SKIP
 * LOCKED in the sealing transaction itself, so a second sealer skips at once and a sealer that dies mid-run
 * just rolls back (on Galera, a sealer on another node fails at commit instead, as a deadlock, and is tried
 * again: {@link #sealOnce}). Requests never touch it.
 * After each committed batch the new head is signed and published as a checkpoint ({@link AccessCheckpoints}).
 */
@ApplicationScoped
public class AccessSealer {

    private static final Logger LOG = Logger.getLogger(AccessSealer.class);
    /** Checkpoints go to their own category so operators can route them (e.g. to a write-once sink). */
    private static final Logger CHECKPOINTS = Logger.getLogger("fi.askel.privacy.checkpoint");

    /** What one run did: events sealed in how many transactions; {@code skipped} when another sealer was busy. */
    public record Run(int events, int batches, boolean skipped) {}

    private final AgroalDataSource dataSource;
    private final PrivacyConfig config;
    private final Path checkpointDir;
    private final Optional<String> signingKey;
    private final Optional<String> signingKeyLocation;
    private volatile PrivateKey key;
    private volatile boolean headPublished;

    public AccessSealer(AgroalDataSource dataSource, PrivacyConfig config, @ConfigProperty(name = "askel.data-dir") String dataDir,
            @ConfigProperty(name = "smallrye.jwt.sign.key") Optional<String> signingKey,
            @ConfigProperty(name = "smallrye.jwt.sign.key.location") Optional<String> signingKeyLocation) {
        this.signingKey = signingKey;
        this.dataSource = dataSource;
        this.config = config;
        this.checkpointDir = checkpointDir(config, dataDir);
        this.signingKeyLocation = signingKeyLocation;
    }

    static Path checkpointDir(PrivacyConfig config, String dataDir) {
        return config.accessLog().checkpointDir().orElse(Path.of(dataDir, "checkpoints")).toAbsolutePath();
    }

    Path checkpointDir() {
        return checkpointDir;
    }

    @Scheduled(every = "{askel.privacy.access-log.seal-every}", delay = 5, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sealPending();
        } catch (RuntimeException e) {
            LOG.error("Sealing the access log failed; the events wait for the next run", e);
        }
    }

    /**
     * Seals every committed unsealed event, a batch per transaction, and publishes a checkpoint after each.
     * The first run on an instance also publishes the head as it finds it, so events sealed before (by the
     * old scheme, migrated by V16, or a batch whose checkpoint was lost in a crash) are covered too.
     * It commits its own transactions on a connection of its own (a caller's transaction is suspended).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Run sealPending() {
        if (!headPublished) {
            publishHead();
        }
        int events = 0;
        int batches = 0;
        int max = Math.max(1, config.accessLog().sealBatch());
        while (true) {
            AccessChain.Sealed sealed = sealOnce(max);
            if (sealed == null) {
                return new Run(events, batches, true);
            }
            if (sealed.events() == 0) {
                return new Run(events, batches, false);
            }
            events += sealed.events();
            batches++;
            publish(sealed.lastSeq(), sealed.lastHash(), sealed.sealedAt(), sealed.events());
            if (sealed.events() < max) {
                return new Run(events, batches, false);
            }
        }
    }

    /**
     * One sealing transaction, tried again (up to {@value Deadlocks#ATTEMPTS} times) when the database rolls it back as a
     * deadlock: on Galera that is how a conflict with a commit on another node is reported (at commit), and on
     * one server InnoDB may pick the sealer as a deadlock's victim. The rolled-back attempt sealed nothing, so
     * the next one starts again from the head as it is then and the chain stays unforked.
     */
    private AccessChain.Sealed sealOnce(int max) {
        return Deadlocks.retry("Sealing the access log", () -> sealTransaction(max));
    }

    private AccessChain.Sealed sealTransaction(int max) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            try {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                AccessChain.Sealed sealed = AccessChain.seal(c, max, Instant.now().truncatedTo(ChronoUnit.MILLIS));
                c.commit();
                return sealed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private void publishHead() {
        AccessChain.Head head;
        try (Connection c = dataSource.getConnection()) {
            head = AccessChain.head(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the access log's head failed", e);
        }
        if (head != null && head.seq() > 0) {
            publish(head.seq(), head.hash(), Instant.now().truncatedTo(ChronoUnit.MILLIS), 0);
        }
        headPublished = true;
    }

    /** Signs the head, writes it to the log and to the day's checkpoint file. Only after the seal committed. */
    private void publish(long seq, String hash, Instant at, int events) {
        AccessCheckpoints.Checkpoint cp = AccessCheckpoints.sign(key(), seq, hash, at, events);
        CHECKPOINTS.infof("access-log checkpoint %s", cp.json());
        AccessCheckpoints.append(checkpointDir, cp);
    }

    private PrivateKey key() {
        PrivateKey loaded = key;
        if (loaded == null) {
            loaded = AccessCheckpoints.privateKey(signingKey, signingKeyLocation);
            key = loaded;
        }
        return loaded;
    }
}
