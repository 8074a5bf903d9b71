package fi.askel.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * What every table's writer shares: the connection, the scale, and where the generated rows sit. Ids are given
 * here (after the highest id already in each table), so that client {@code i}'s period, group and specialist
 * are arithmetic, not lookups: clients are spread over the groups in blocks, and group {@code g} belongs to
 * specialist {@code g % specialists}, who is the responsible specialist of every client of the group.
 */
record Context(Connection db, PrintStream log, Scale scale, long seed, String prefix, String passwordHash,
        int noticeVersion, LocalDate today, Instant now, long userBase, long groupBase, long periodBase) {

    static Context open(Connection db, PrintStream log, Scale scale, long seed, String prefix, String passwordHash,
            int noticeVersion, LocalDate today, Instant now) throws SQLException {
        return new Context(db, log, scale, seed, prefix, passwordHash, noticeVersion, today, now,
                maxId(db, "app_user"), maxId(db, "peer_group"), maxId(db, "rehab_period"));
    }

    static long maxId(Connection db, String table) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Each table draws from its own seeded random, so a change to one table leaves the others as they were. */
    SplittableRandom random(String table) {
        return new SplittableRandom(seed * 31 + table.hashCode());
    }

    Rows rows(String table, String columns, long total) {
        return new Rows(db, log, table, columns, total);
    }

    String specialistUsername(int k) {
        return String.format("%s-s%04d", prefix, k + 1);
    }

    String clientUsername(int i) {
        return String.format("%s-c%05d", prefix, i + 1);
    }

    long specialistId(int k) {
        return userBase + 1 + k;
    }

    long clientId(int i) {
        return userBase + 1 + scale.specialists() + i;
    }

    int groupOf(int client) {
        return (int) ((long) client * scale.groups() / scale.clients());
    }

    long groupId(int g) {
        return groupBase + 1 + g;
    }

    int specialistOfGroup(int g) {
        return g % scale.specialists();
    }

    int specialistOfClient(int client) {
        return specialistOfGroup(groupOf(client));
    }

    long periodId(int client) {
        return periodBase + 1 + client;
    }

    /** A TIMESTAMP value as the service writes it: UTC wall-clock time (quarkus.hibernate-orm.jdbc.timezone=UTC). */
    static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** A moment {@code days} (with a fraction) before now. */
    LocalDateTime daysAgo(double days) {
        return utc(now.minusSeconds((long) (days * 86_400)));
    }
}
