package fi.askel.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.common.EmbeddedMariaDb;
import fi.askel.support.EmbeddedDbTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

/** The server check that runs before any migration, against the server the suite uses (embedded 11.4, or CI's 10.11). */
class ServerVersionCheckTest {

    @Test
    void versions_are_read_as_debian_and_mariadb_report_them() {
        ServerVersion debian = ServerVersion.parse("10.11.19-MariaDB-0+deb12u1");
        assertEquals(10, debian.major());
        assertEquals(11, debian.minor());
        assertTrue(debian.mariaDb());
        assertTrue(debian.isAtLeast(ServerVersion.parse("10.11")));
        assertTrue(ServerVersion.parse("11.4.5-MariaDB").isAtLeast(ServerVersion.parse("10.11")));
        assertFalse(ServerVersion.parse("10.6.21-MariaDB-log").isAtLeast(ServerVersion.parse("10.11")));
        assertFalse(ServerVersion.parse("8.0.36").mariaDb(), "MySQL is not MariaDB");
    }

    @Test
    void the_test_server_passes_and_a_higher_minimum_is_refused_with_a_clear_message() throws Exception {
        EmbeddedMariaDb.Connection db = EmbeddedDbTestResource.external()
                .orElseGet(() -> EmbeddedMariaDb.ensureStarted(EmbeddedDbTestResource.DATA_DIR));
        MariaDbDataSource source = new MariaDbDataSource(db.jdbcUrl());
        source.setUser(db.username());
        source.setPassword(db.password());

        ServerVersion actual = MigrationSetup.requireSupportedServer(source, ServerVersion.parse("10.11"));
        assertTrue(actual.isAtLeast(ServerVersion.parse("10.11")));

        var refused = assertThrows(MigrationSetup.UnsupportedDatabaseException.class,
                () -> MigrationSetup.requireSupportedServer(source, ServerVersion.parse("99.1")));
        assertTrue(refused.getMessage().contains(actual.reported()), refused.getMessage());
        assertTrue(refused.getMessage().contains("needs MariaDB 99.1 or newer"), refused.getMessage());
        assertTrue(refused.getMessage().contains("Nothing was migrated"), refused.getMessage());
    }

    @Test
    void the_grants_script_is_one_block_the_client_and_jdbc_both_run() {
        List<String> statements = MigrationSetup.grantStatements();
        assertEquals(1, statements.size(), statements.toString());
        assertTrue(statements.get(0).startsWith("BEGIN NOT ATOMIC"));
        assertTrue(statements.get(0).endsWith("END"), statements.get(0));
        assertTrue(statements.get(0).contains("WHEN 'access_event' THEN 'SELECT, INSERT, UPDATE (seq, prev_hash, hash)'"),
                "the access log stays append-only apart from the sealer's three columns");
    }
}
