package fi.askel.common;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Settings that come from the data folder rather than from a file: the JWT key pair the service
 * made on its first start, and, when no external database is configured, the connection to the
 * embedded MariaDB, which is started here because Flyway and Hibernate need it before any bean runs.
 *
 * <p>Every value here is only a fallback: anything configured explicitly wins (low ordinal), and
 * nothing is started or written unless its setting is missing.
 */
public class DataDirConfigSourceFactory implements ConfigSourceFactory {

    static final String DATA_DIR = "askel.data-dir";
    static final String EMBEDDED = "askel.embedded-db.enabled";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isBuildTime()) {
            return List.of();
        }
        Path dataDir = Path.of(valueOr(context, DATA_DIR, "data"));
        Map<String, String> values = new HashMap<>();
        if (missing(context, "mp.jwt.verify.publickey.location") && missing(context, "mp.jwt.verify.publickey")) {
            SigningKeys.Files keys = SigningKeys.ensure(dataDir.resolve("keys"));
            values.put("mp.jwt.verify.publickey.location", keys.publicKey().toUri().toString());
            values.put("smallrye.jwt.sign.key.location", keys.privateKey().toUri().toString());
        }
        if (missing(context, JDBC_URL) && !"false".equalsIgnoreCase(valueOr(context, EMBEDDED, "true"))) {
            EmbeddedMariaDb.Connection db = EmbeddedMariaDb.ensureStarted(dataDir.resolve("db"));
            values.put(JDBC_URL, db.jdbcUrl());
            values.put("quarkus.datasource.username", db.username());
            values.put("quarkus.datasource.password", db.password());
        }
        return List.of(new PropertiesConfigSource(values, "askel-data-dir", 50));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }

    /**
     * The build (augmentation) reads configuration too; nothing should start or be written then.
     * Dev mode runs the application from inside the same tooling, so only the augmentor itself counts.
     */
    private static boolean isBuildTime() {
        for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
            String name = frame.getClassName();
            if (name.equals("io.quarkus.deployment.QuarkusAugmentor")
                    || name.startsWith("io.quarkus.deployment.configuration.BuildTimeConfigurationReader")) {
                return true;
            }
        }
        return false;
    }

    private static boolean missing(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank();
    }

    private static String valueOr(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? fallback : value.getValue();
    }
}
