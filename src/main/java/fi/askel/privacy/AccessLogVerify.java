package fi.askel.privacy;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Checks the access log's hash chain and its signed checkpoints without starting the service, against the
 * database the service uses (README, "Access log"): the JDBC URL, user and password come from the same
 * environment variables as the service's ({@code QUARKUS_DATASOURCE_JDBC_URL}, {@code …_USERNAME},
 * {@code …_PASSWORD}). The checkpoints come from {@code --checkpoints DIR} (default
 * {@code $ASKEL_DATA_DIR/checkpoints}, data dir {@code data}) and are checked with {@code --public-key PEM}
 * (default {@code $ASKEL_DATA_DIR/keys/jwt-public.pem}). Exits 0 when the log is whole, 1 when it is broken
 * (naming the first broken place), 2 on other errors.
 */
public final class AccessLogVerify {

    private AccessLogVerify() {}

    public static void main(String[] args) {
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (url == null || url.isBlank()) {
            System.err.println("Set QUARKUS_DATASOURCE_JDBC_URL (and QUARKUS_DATASOURCE_USERNAME, QUARKUS_DATASOURCE_PASSWORD).");
            System.exit(2);
        }
        String dataDir = System.getenv().getOrDefault("ASKEL_DATA_DIR", "data");
        Path checkpoints = Path.of(dataDir, "checkpoints");
        Path publicKey = Path.of(dataDir, "keys", "jwt-public.pem");
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if ("--checkpoints".equals(args[i]) && value != null) {
                checkpoints = Path.of(value);
            } else if ("--public-key".equals(args[i]) && value != null) {
                publicKey = Path.of(value);
            } else {
                System.err.println("Unknown option " + args[i] + " (use --checkpoints DIR, --public-key PEM)");
                System.exit(2);
            }
        }
        System.exit(run(url, System.getenv("QUARKUS_DATASOURCE_USERNAME"), System.getenv("QUARKUS_DATASOURCE_PASSWORD"),
                checkpoints, publicKey, System.out, System.err));
    }

    /** The check itself; returns the exit code. */
    static int run(String url, String user, String password, Path checkpoints, Path publicKey, PrintStream out, PrintStream err) {
        try {
            AccessCheckpoints.Loaded loaded = AccessCheckpoints.Loaded.NONE;
            if (Files.isDirectory(checkpoints)) {
                if (!Files.isReadable(publicKey)) {
                    err.println("Checkpoints in " + checkpoints + " but no public key at " + publicKey + " (--public-key PEM).");
                    return 2;
                }
                loaded = AccessCheckpoints.load(checkpoints, AccessCheckpoints.publicKey(publicKey.toString()));
            } else {
                out.printf("warning: no checkpoint folder %s; a rewrite of the whole chain cannot be noticed%n", checkpoints);
            }
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                AccessChainCheck.Verification v = AccessChainCheck.verify(c, 5000, loaded);
                out.printf("checkpoints: %d compared from %d files (newest at place %s), %d sealed events after it%n",
                        v.checkpoints(), loaded.files(), v.lastCheckpointSeq(), v.sealedAfterCheckpoint());
                out.printf("unsealed: %d events not in the chain yet%s%n", v.unsealed(),
                        v.oldestUnsealedAt() == null ? "" : " (oldest " + v.oldestUnsealedAt() + ")");
                if (v.ok()) {
                    out.printf("ok: %d sealed events, chain whole; last place %d, last hash %s%n", v.checked(), v.lastSeq(),
                            v.lastHash());
                    return 0;
                }
                out.printf("BROKEN: first broken place %d%s (%s) after %d events checked; the head says last place %d%n",
                        v.firstBrokenSeq(), v.firstBrokenId() == null ? "" : ", event id " + v.firstBrokenId(), v.problem(),
                        v.checked(), v.lastSeq());
                return 1;
            }
        } catch (SQLException | RuntimeException e) {
            err.println("Could not check the access log: " + e.getMessage());
            return 2;
        }
    }
}
