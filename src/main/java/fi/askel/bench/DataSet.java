package fi.askel.bench;

import fi.askel.common.Dates;
import io.quarkus.elytron.security.common.BcryptUtil;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills an Askel database with a seeded data set of a chosen scale (README, "Data set"): run it with the service's
 * own classpath against a database the service has started on once (its migrations made the schema, and it stored
 * the module versions and the privacy notice), e.g. through {@code src/bench/dataset.sh}:
 *
 * <pre>java -cp 'target/quarkus-app/lib/main/*:target/quarkus-app/app/*' fi.askel.bench.DataSet \
 *     --url jdbc:mariadb://127.0.0.1:3306/askel --user askel --password … --scale 0.1 --seed 42 [--prefix ds]</pre>
 *
 * Accounts are {@code <prefix>-s0001…} (specialists) and {@code <prefix>-c00001…} (clients), all with the password
 * {@link #PASSWORD}. A second run with the same prefix is refused: the data set is there already. With
 * {@code --wait-sealed 600} it then waits (at most that long) until the running service has sealed the access-log
 * events it wrote into the hash chain.
 */
public final class DataSet {

    /** Every generated account's password (one bcrypt hash, computed once per run). */
    public static final String PASSWORD = "Askel-dataset-2026!";

    /** What to generate. */
    public record Options(double scale, long seed, String prefix) {
        public Options {
            if (prefix == null || !prefix.matches("[a-z][a-z0-9]{0,15}")) {
                throw new IllegalArgumentException("--prefix must be 1–16 lower-case letters or digits, starting with a letter");
            }
        }
    }

    /**
     * What the scale promised (step answers: fewer where the modules have too few steps, see
     * {@link Work#MAX_ANSWERED_SHARE}) and what the database holds afterwards, per kind of row.
     */
    public record Summary(Scale scale, Map<String, Long> planned, Map<String, Long> rows, double seconds) {}

    private DataSet() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>(Map.of("--user", "askel", "--password", "", "--scale", "0.1",
                "--seed", "42", "--prefix", "ds"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        if (!a.containsKey("--url") || args.length % 2 != 0) {
            System.err.println("Usage: DataSet --url jdbc:mariadb://host:port/db [--user askel] [--password …] [--scale 0.1]"
                    + " [--seed 42] [--prefix ds] [--wait-sealed SECONDS]");
            System.exit(2);
        }
        Options options = new Options(Double.parseDouble(a.get("--scale")), Long.parseLong(a.get("--seed")), a.get("--prefix"));
        try (Connection db = DriverManager.getConnection(a.get("--url"), a.get("--user"), a.get("--password"))) {
            generate(db, options, System.err);
            if (a.containsKey("--wait-sealed")) {
                SealWait.await(db, System.err, Long.parseLong(a.get("--wait-sealed")));
            }
        } catch (IllegalStateException refused) {
            System.err.println(refused.getMessage());
            System.exit(1);
        }
    }

    /** Writes the data set; refuses (IllegalStateException) when the schema or the service's start-up rows are missing. */
    public static Summary generate(Connection db, Options options, PrintStream log) throws SQLException {
        long started = System.nanoTime();
        Scale scale = Scale.of(options.scale());
        db.setAutoCommit(false);
        refuseIfPresent(db, options.prefix());
        int notice = single(db, "SELECT COALESCE(MAX(version), 0) FROM privacy_notice");
        List<ModuleAnswers.Version> modules = ModuleAnswers.load(db, Dates.today(), options.seed());
        if (notice == 0 || modules.isEmpty()) {
            throw new IllegalStateException("No privacy notice or module versions in this database: start the service on it"
                    + " once first (it stores both at start-up), then generate.");
        }
        log.printf("Data set: scale %s, seed %d, %,d specialists, %,d clients, %,d groups, %,d posts, %,d assignments%n",
                options.scale(), options.seed(), scale.specialists(), scale.clients(), scale.groups(), scale.posts(),
                scale.assignments());
        Context c = Context.open(db, log, scale, options.seed(), options.prefix(), BcryptUtil.bcryptHash(PASSWORD), notice,
                Dates.today(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String[] specialists = People.users(c);
        People.privacy(c);
        People.periods(c);
        new Peers(c, specialists).write();
        Work work = new Work(c, modules);
        work.write();
        new AnswerRows(c, work).write();
        AccessEvents.write(c, work, specialists);
        db.commit();
        Map<String, Long> planned = new LinkedHashMap<>();
        planned.put("specialists", (long) scale.specialists());
        planned.put("clients", (long) scale.clients());
        planned.put("groups", (long) scale.groups());
        planned.put("posts", (long) scale.posts());
        planned.put("assignments", (long) scale.assignments());
        planned.put("answers", (long) Work.answersPossible(scale, modules));
        planned.put("accessEvents", (long) scale.accessEvents());
        Summary summary = new Summary(scale, planned, counts(db, options.prefix()), (System.nanoTime() - started) / 1e9);
        log.printf("Rows: %s%n", summary.rows());
        log.printf("Done in %.1f s. Specialists %s-s0001 … %s, clients %s-c00001 … %s, password %s%n", summary.seconds(),
                options.prefix(), c.specialistUsername(scale.specialists() - 1), options.prefix(),
                c.clientUsername(scale.clients() - 1), PASSWORD);
        return summary;
    }

    private static void refuseIfPresent(Connection db, String prefix) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("SELECT COUNT(*) FROM app_user WHERE username LIKE ?")) {
            st.setString(1, prefix + "-%");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException("This database already holds a data set with the prefix '" + prefix + "' ("
                            + rs.getLong(1) + " accounts): nothing written. Use a fresh database or another --prefix.");
                }
            }
        }
    }

    /** The generated rows of the main tables, counted in the database (what a check after the run would see). */
    static Map<String, Long> counts(Connection db, String prefix) throws SQLException {
        String users = "(SELECT id FROM app_user WHERE username LIKE '" + prefix + "-%')";
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("specialists", count(db, "SELECT COUNT(*) FROM app_user WHERE role = 'SPECIALIST' AND id IN " + users));
        counts.put("clients", count(db, "SELECT COUNT(*) FROM app_user WHERE role = 'CLIENT' AND id IN " + users));
        counts.put("groups", count(db, "SELECT COUNT(*) FROM peer_group WHERE created_by IN " + users));
        counts.put("posts", count(db, "SELECT COUNT(*) FROM peer_post WHERE author_id IN " + users));
        counts.put("assignments", count(db, "SELECT COUNT(*) FROM assignment WHERE client_id IN " + users));
        counts.put("answers", count(db, "SELECT COUNT(*) FROM step_answer a JOIN assignment s ON s.id = a.assignment_id"
                + " WHERE s.client_id IN " + users));
        counts.put("accessEvents", count(db, "SELECT COUNT(*) FROM access_event WHERE client_id IN " + users));
        db.commit();
        return counts;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int single(Connection db, String sql) throws SQLException {
        return (int) count(db, sql);
    }
}
