package fi.askel.support;

import fi.askel.common.EmbeddedMariaDb;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the real embedded MariaDB once per test JVM, in a throwaway folder under target/, and
 * points the service at it. Test classes that need an empty database of their own name one with
 * {@link #DATABASE_ARG}; the server stops with the JVM.
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
        EmbeddedMariaDb.Connection db = EmbeddedMariaDb.ensureStarted(DATA_DIR);
        String url = db.jdbcUrl().replaceFirst("/askel$", "/" + database) + "?createDatabaseIfNotExist=true";
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", db.username(),
                "quarkus.datasource.password", db.password(),
                // Checkpoints belong to one database's access-log chain; each run's database gets its own folder.
                "askel.privacy.access-log.checkpoint-dir", CHECKPOINTS.resolve(database).toString());
    }

    @Override
    public void stop() {
        // The server is shared by every test class in this JVM and stops with it.
    }
}
