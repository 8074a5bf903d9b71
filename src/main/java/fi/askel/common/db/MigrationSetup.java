package fi.askel.common.db;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

/**
 * Around Flyway's migration at start: before it, the server must be a MariaDB this build supports
 * (otherwise nothing is created and the start fails with a message in the normal log); after it, when
 * migrations run as the schema owner and the service as a restricted account, that account gets its
 * per-table privileges on every table, new ones included (the same script as {@code src/ops/grants.sql}).
 */
@Singleton
public class MigrationSetup implements FlywayConfigurationCustomizer {

    private static final Logger LOG = Logger.getLogger(MigrationSetup.class);
    static final String GRANTS = "/fi/askel/ops/grants.sql";

    private final DatabaseConfig config;
    private final Optional<String> runtimeUser;
    private final Optional<String> migrationUser;

    MigrationSetup(DatabaseConfig config,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> runtimeUser,
            @ConfigProperty(name = "quarkus.flyway.username") Optional<String> migrationUser) {
        this.config = config;
        this.runtimeUser = runtimeUser;
        this.migrationUser = migrationUser;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        requireSupportedServer(configuration.getDataSource(), ServerVersion.parse(config.minimumVersion()));
        if (migrationUser.isPresent() && runtimeUser.isPresent() && !migrationUser.get().equals(runtimeUser.get())) {
            List<Callback> callbacks = new ArrayList<>(List.of(configuration.getCallbacks()));
            callbacks.add(new GrantRuntimePrivileges(runtimeUser.get(), config.runtimeHost()));
            configuration.callbacks(callbacks.toArray(Callback[]::new));
        }
    }

    /** Refuses a server older than the minimum (or not MariaDB) before Flyway touches anything. */
    public static ServerVersion requireSupportedServer(DataSource dataSource, ServerVersion minimum) {
        String reported;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            reported = rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database server's version: " + e.getMessage(), e);
        }
        ServerVersion version = ServerVersion.parse(reported);
        if (!version.mariaDb() || !version.isAtLeast(minimum)) {
            String message = "The database server is " + reported + "; Askel needs MariaDB " + minimum.major() + "."
                    + minimum.minor() + " or newer (10.11 and 11.4 are tested). Nothing was migrated."
                    + " Upgrade the server (OPERATIONS.md, \"Prerequisites\").";
            LOG.error(message);
            throw new UnsupportedDatabaseException(message);
        }
        LOG.infof("Database server %s", reported);
        return version;
    }

    /** The grants script, split where the mysql client would split it (DELIMITER lines set the separator). */
    static List<String> grantStatements() {
        String sql;
        try (InputStream in = MigrationSetup.class.getResourceAsStream(GRANTS)) {
            if (in == null) {
                throw new IllegalStateException(GRANTS + " is missing from the build");
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> statements = new ArrayList<>();
        String delimiter = ";";
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.toUpperCase(java.util.Locale.ROOT).startsWith("DELIMITER ")) {
                delimiter = trimmed.substring("DELIMITER ".length()).trim();
                continue;
            }
            if (trimmed.startsWith("--") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith(delimiter)) {
                current.append(line, 0, line.lastIndexOf(delimiter));
                statements.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().trim());
        }
        return statements;
    }

    /** Runs the grants script for one account; used after migrations and by tests. */
    public static void grant(Connection owner, String user, String host) throws SQLException {
        try (PreparedStatement set = owner.prepareStatement("SET @askel_user = ?, @askel_host = ?")) {
            set.setString(1, user);
            set.setString(2, host);
            set.execute();
        }
        try (Statement s = owner.createStatement()) {
            for (String statement : grantStatements()) {
                s.execute(statement);
            }
        }
    }

    static final class GrantRuntimePrivileges implements Callback {
        private final String user;
        private final String host;

        GrantRuntimePrivileges(String user, String host) {
            this.user = user;
            this.host = host;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return false; // GRANT commits on its own
        }

        @Override
        public void handle(Event event, Context context) {
            try {
                grant(context.getConnection(), user, host);
                LOG.infof("Granted the runtime account '%s'@'%s' its privileges on every table", user, host);
            } catch (SQLException e) {
                throw new IllegalStateException("Migrations ran, but granting the runtime account '" + user + "'@'"
                        + host + "' its privileges failed (run src/ops/grants.sql as the schema owner, "
                        + "OPERATIONS.md \"Upgrades\"): " + e.getMessage(), e);
            }
        }

        @Override
        public String getCallbackName() {
            return "askel-grants";
        }
    }

    /** The server cannot run Askel; said once, clearly, before anything is changed. */
    public static final class UnsupportedDatabaseException extends IllegalStateException {
        UnsupportedDatabaseException(String message) {
            super(message);
        }
    }
}
