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
 */
public class EmbeddedDbTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    public static final Path DATA_DIR = Path.of("target", "test-db").toAbsolutePath();
    public static final Path CHECKPOINTS = Path.of("target", "test-data", "checkpoints").toAbsolutePath();

    /** A new, empty database for every test run, so nothing from an earlier run (or branch) is seen. */
    private static final String RUN_DATABASE = "askel_run_" + System.currentTimeMillis();

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
