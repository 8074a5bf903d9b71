package fi.askel.identity;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The per-request check of a sign-in, in one statement: the session row, the account as it is now, and
 * every {@link SignInFact} the features need, read together on an autocommit connection (no transaction,
 * so no BEGIN/COMMIT around it). Nothing is cached between requests, so signing out, closing an account,
 * changing a role or acknowledging a privacy notice takes effect on the next request on every instance.
 *
 * <p>Writes only when due: the activity time at most once a minute, and the end of a sign-in left idle.
 * Times are read and written as Hibernate does here (UTC wall-clock, quarkus.hibernate-orm.jdbc.timezone).
 */
@ApplicationScoped
public class SessionLookup {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    /** A live sign-in as the request sees it; {@code facts} holds each SignInFact's value by attribute. */
    public record Live(Caller caller, boolean enrolmentOnly, String sessionId, Instant idleExpiresAt,
            Map<String, Boolean> facts) {}

    private final AgroalDataSource dataSource;
    private final AuthService auth;
    private final List<SignInFact> facts;
    /** Built once: the facts are known at start-up. */
    private final String select;

    public SessionLookup(AgroalDataSource dataSource, AuthService auth, Instance<SignInFact> facts) {
        this.dataSource = dataSource;
        this.auth = auth;
        this.facts = facts.stream().toList();
        StringBuilder sql = new StringBuilder("SELECT s.expires_at, s.revoked_at, s.last_used_at, s.scope,"
                + " u.id, u.username, u.display_name, u.role, u.locale, u.active");
        for (SignInFact fact : this.facts) {
            if (!fact.attribute().matches("[A-Za-z.]+")) {
                throw new IllegalStateException("A sign-in fact's attribute must be letters and dots: " + fact.attribute());
            }
            sql.append(", (").append(fact.sql()).append(") AS `").append(fact.attribute()).append('`');
        }
        select = sql.append(" FROM auth_session s JOIN app_user u ON u.id = s.user_id WHERE s.id = ?").toString();
    }

    /** The sign-in named by a verified token, if it is live, belongs to the token's subject and the account is active. */
    public Optional<Live> find(String sessionId, String subject) {
        if (sessionId == null || subject == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            Live live;
            Instant lastUsed;
            try (PreparedStatement read = connection.prepareStatement(select)) {
                read.setString(1, sessionId);
                try (ResultSet row = read.executeQuery()) {
                    if (!row.next() || !subject.equals(String.valueOf(row.getLong("id"))) || !row.getBoolean("active")
                            || row.getTimestamp("revoked_at", calendar()) != null
                            || !time(row, "expires_at").isAfter(now)) {
                        return Optional.empty();
                    }
                    Role role = Role.valueOf(row.getString("role"));
                    lastUsed = time(row, "last_used_at");
                    Map<String, Boolean> values = new HashMap<>();
                    for (SignInFact fact : facts) {
                        values.put(fact.attribute(), row.getBoolean(fact.attribute()));
                    }
                    Caller caller = new Caller(row.getLong("id"), row.getString("username"), row.getString("display_name"),
                            role, row.getString("locale"));
                    live = new Live(caller, AuthSession.ENROL.equals(row.getString("scope")), sessionId,
                            lastUsed.plus(auth.idleTime(role)), Map.copyOf(values));
                }
            }
            if (!live.idleExpiresAt().isAfter(now)) {
                write(connection, "UPDATE auth_session SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now, sessionId);
                return Optional.empty();
            }
            // Activity, written at most once a minute: no statement at all on most requests.
            if (lastUsed.isBefore(now.minus(AuthService.ACTIVITY_GRANULARITY))) {
                write(connection, "UPDATE auth_session SET last_used_at = ? WHERE id = ?", now, sessionId);
                live = new Live(live.caller(), live.enrolmentOnly(), sessionId, now.plus(auth.idleTime(live.caller().role())),
                        live.facts());
            }
            return Optional.of(live);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the sign-in", e);
        }
    }

    private static void write(Connection connection, String sql, Instant at, String sessionId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setTimestamp(1, Timestamp.from(at), calendar());
            update.setString(2, sessionId);
            update.executeUpdate();
        }
    }

    private static Instant time(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column, calendar()).toInstant();
    }

    /** A fresh calendar per use: Calendar is not thread-safe. */
    private static Calendar calendar() {
        return Calendar.getInstance(UTC);
    }
}
