package fi.askel.support;

import fi.askel.common.EmbeddedMariaDb;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the real embedded MariaDB once per test JVM, in a throwaway folder under target/, and
 * points the service at it. Test classes that need an empty database of their own name one with
 * {@link #DATABASE_ARG}; the server stops with the JVM.
 *
 * <p>With {@code -Daskel.test-db.url=jdbc:mariadb://127.0.0.1:3306/} (and {@code askel.test-db.username},
 * {@code askel.test-db.password}; or the environment variables {@code ASKEL_TEST_DB_URL} …) the suite runs
 * against that server instead, e.g. Debian's MariaDB 10.11 that {@code .ci/run} starts: the account needs
 * every privilege on databases named {@code askel%}, because each run and some test classes create their own.
 *
 * <p>Surefire runs test JVMs side by side ({@code test.forks} in the pom): each fork has its own embedded server
 * folder, run database and data folder ({@code askel.test-fork} names the fork), so forks never share a file.
 */
public class EmbeddedDbTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    /** This test JVM's number among the forks running side by side (1 when there is one). */
    public static final String FORK = forkNumber();
    public static final Path DATA_DIR = Path.of("target", "test-db-" + FORK).toAbsolutePath();
    /** The service's data folder (keys, uploads, backup marker) for this fork. */
    public static final Path SERVICE_DATA = Path.of("target", "test-data-" + FORK).toAbsolutePath();
    public static final Path CHECKPOINTS = SERVICE_DATA.resolve("checkpoints");

    /** A new, empty database for every test run and fork, so nothing from an earlier run (or branch) is seen. */
    private static final String RUN_DATABASE = "askel_run_" + System.currentTimeMillis() + "_" + FORK;

    private String database = RUN_DATABASE;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE_ARG, RUN_DATABASE);
    }

    @Override
    public Map<String, String> start() {
        EmbeddedMariaDb.Connection db = external().orElseGet(() -> EmbeddedMariaDb.ensureStarted(DATA_DIR));
        String url = db.jdbcUrl().replaceFirst("/[^/]*$", "/" + database) + "?createDatabaseIfNotExist=true";
        return Map.of(
                "askel.data-dir", SERVICE_DATA.toString(),
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", db.username(),
                "quarkus.datasource.password", db.password(),
                // Checkpoints belong to one database's access-log chain; each run's database gets its own folder.
                "askel.privacy.access-log.checkpoint-dir", CHECKPOINTS.resolve(database).toString());
    }

    /** The server named by askel.test-db.url, if any (its path, if it has one, is replaced by each test's database). */
    public static java.util.Optional<EmbeddedMariaDb.Connection> external() {
        String url = setting("askel.test-db.url");
        if (url == null) {
            return java.util.Optional.empty();
        }
        String base = url.replaceFirst("\\?.*$", "");
        if (base.matches("jdbc:mariadb://[^/]+")) {
            base = base + "/";
        }
        return java.util.Optional.of(new EmbeddedMariaDb.Connection(base,
                setting("askel.test-db.username") == null ? "askel" : setting("askel.test-db.username"),
                setting("askel.test-db.password") == null ? "" : setting("askel.test-db.password")));
    }

    private static String forkNumber() {
        String fork = System.getProperty("askel.test-fork");
        return fork == null || !fork.matches("[0-9]+") ? "1" : fork;
    }

    private static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public void stop() {
        // The server is shared by every test class in this JVM and stops with it.
    }
}
