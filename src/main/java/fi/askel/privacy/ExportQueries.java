package fi.askel.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only queries for the data export: everything held about one client, one query per kind of
 * data (never one per row), with explicit columns so nothing secret (password hashes, refresh token
 * hashes) can slip in. Rows are maps from column to value, ready to be written as JSON.
 */
@ApplicationScoped
public class ExportQueries {

    /** File name (without .json) → the query for one client (?1). Order is the order of the ZIP. */
    static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("account", "SELECT id, username, display_name, role, locale, email, active, created_at, updated_at"
                + " FROM app_user WHERE id = ?1");
        FILES.put("sign-ins", "SELECT created_at, expires_at, last_used_at, revoked_at, user_agent, remote_address"
                + " FROM auth_session WHERE user_id = ?1 ORDER BY created_at");
        FILES.put("rehabilitation-periods", "SELECT p.id, p.service_type, p.starts_on, p.ends_on, p.created_at,"
                + " (SELECT GROUP_CONCAT(u.display_name ORDER BY u.display_name SEPARATOR ', ') FROM rehab_period_specialist s"
                + " JOIN app_user u ON u.id = s.specialist_id WHERE s.period_id = p.id) AS specialists"
                + " FROM rehab_period p WHERE p.client_id = ?1 ORDER BY p.starts_on, p.id");
        FILES.put("remote-suitability", "SELECT s.period_id, s.assessed_at, u.display_name AS specialist, s.test_call,"
                + " s.test_call_note, s.private_space, s.private_space_note, s.digital_skills, s.hands_on_needed, s.hands_on_note,"
                + " s.client_wish, s.interpreter_needed, s.interpreter_language, s.client_consented, s.consent_notice_version,"
                + " s.consent_given_at, s.decision, s.reasons, s.support_measures FROM remote_suitability_assessment s"
                + " JOIN app_user u ON u.id = s.specialist_id WHERE s.client_id = ?1 ORDER BY s.id");
        FILES.put("assignments", "SELECT id, period_id, module_slug, module_version, status, opens_on, due_on, note,"
                + " created_at, started_at, submitted_at, reviewed_at, last_activity_at FROM assignment WHERE client_id = ?1 ORDER BY id");
        FILES.put("answers", "SELECT a.assignment_id, a.step_key, a.answer, a.is_final, a.revision, a.saved_at FROM step_answer a"
                + " JOIN assignment s ON s.id = a.assignment_id WHERE s.client_id = ?1 ORDER BY a.assignment_id, a.step_key");
        FILES.put("exercise-logs", "SELECT assignment_id, step_key, done_on, sets_done, reps_done, minutes_done, effort, pain"
                + " FROM exercise_log WHERE client_id = ?1 ORDER BY done_on, id");
        FILES.put("questionnaire-results", "SELECT assignment_id, step_key, instrument, score, max_score, higher_is_better,"
                + " recorded_at FROM questionnaire_result WHERE client_id = ?1 ORDER BY recorded_at");
        FILES.put("feedback", "SELECT r.assignment_id, r.decision, r.comment, r.created_at, u.display_name AS reviewer"
                + " FROM review r JOIN assignment a ON a.id = r.assignment_id JOIN app_user u ON u.id = r.reviewer_id"
                + " WHERE a.client_id = ?1 ORDER BY r.created_at");
        FILES.put("goals", "SELECT id, period_id, title, weight, level_m2, level_m1, level_0, level_p1, level_p2, created_at"
                + " FROM gas_goal WHERE client_id = ?1 ORDER BY id");
        FILES.put("goal-ratings", "SELECT r.goal_id, r.phase, r.score, r.rated_at FROM gas_rating r"
                + " JOIN gas_goal g ON g.id = r.goal_id WHERE g.client_id = ?1 ORDER BY r.goal_id, r.rated_at");
        FILES.put("reminders-sent", "SELECT rs.assignment_id, rs.kind, rs.event_key, rs.sent_at FROM reminder_sent rs"
                + " JOIN assignment a ON a.id = rs.assignment_id WHERE a.client_id = ?1 ORDER BY rs.sent_at");
        FILES.put("reminder-opt-out", "SELECT opted_out_at FROM reminder_opt_out WHERE client_id = ?1");
        FILES.put("peer-memberships", "SELECT m.group_id, g.name AS group_name, m.pseudonym, m.joined_at, m.rules_accepted_at,"
                + " m.removed_at, m.email_digest FROM peer_member m JOIN peer_group g ON g.id = m.group_id"
                + " WHERE m.user_id = ?1 ORDER BY m.joined_at");
        FILES.put("peer-threads-started", "SELECT t.id, t.group_id, g.name AS group_name, t.title, t.created_at FROM peer_thread t"
                + " JOIN peer_group g ON g.id = t.group_id WHERE t.author_id = ?1 ORDER BY t.id");
        FILES.put("peer-posts", "SELECT p.id, p.thread_id, p.group_id, g.name AS group_name, p.reply_to_id, p.body, p.created_at,"
                + " p.edited_at, p.deleted_at, p.hidden_at, p.hidden_reason FROM peer_post p JOIN peer_group g ON g.id = p.group_id"
                + " WHERE p.author_id = ?1 ORDER BY p.id");
        FILES.put("peer-post-earlier-versions", "SELECT r.post_id, r.body, r.created_at FROM peer_post_revision r"
                + " JOIN peer_post p ON p.id = r.post_id WHERE p.author_id = ?1 ORDER BY r.id");
        FILES.put("peer-reports-made", "SELECT post_id, kind, reason, created_at, resolved_at, resolution FROM peer_report"
                + " WHERE reporter_id = ?1 ORDER BY id");
        FILES.put("notifications", "SELECT group_id, thread_id, post_id, kind, created_at, read_at FROM peer_notification"
                + " WHERE user_id = ?1 ORDER BY id");
        FILES.put("privacy-notice-acknowledgements", "SELECT notice_version, acknowledged_at FROM privacy_acknowledgement"
                + " WHERE user_id = ?1 ORDER BY notice_version");
        FILES.put("consents", "SELECT kind, given, notice_version, recorded_at FROM privacy_consent_event"
                + " WHERE user_id = ?1 ORDER BY id");
        FILES.put("access-log", "SELECT occurred_at, actor_name, actor_role, kind, purpose, route FROM access_event"
                + " WHERE client_id = ?1 ORDER BY id");
        FILES.put("erasure-requests", "SELECT origin, reason, requested_at, processed_at, result FROM privacy_erasure_request"
                + " WHERE user_id = ?1 ORDER BY id");
    }

    /** Columns holding JSON text, written into the export as JSON rather than as a string. */
    private static final List<String> JSON_COLUMNS = List.of("answer", "result");

    private static final Instant KNOWN = Instant.parse("2000-01-01T00:00:00Z");

    private final EntityManager em;
    private final ObjectMapper json;
    /** Whether untyped native timestamps arrive as UTC wall-clock time; found out on first use. */
    private volatile Boolean wallClock;

    public ExportQueries(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Every file's rows for one client, in the order of {@link #FILES}. Call inside a transaction. */
    Map<String, List<Map<String, Object>>> all(long clientId) {
        Map<String, List<Map<String, Object>>> files = new LinkedHashMap<>();
        FILES.forEach((name, sql) -> files.put(name, rows(sql, clientId)));
        return files;
    }

    /** Whether the client has rehabilitation records (which must be kept when other data is erased). */
    long rehabRecordCount(long clientId) {
        Number n = (Number) em.createNativeQuery("SELECT (SELECT COUNT(*) FROM rehab_period WHERE client_id = ?1)"
                + " + (SELECT COUNT(*) FROM assignment WHERE client_id = ?1)"
                + " + (SELECT COUNT(*) FROM gas_goal WHERE client_id = ?1)").setParameter(1, clientId).getSingleResult();
        return n.longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(String sql, long clientId) {
        List<Tuple> tuples = em.createNativeQuery(sql, Tuple.class).setParameter(1, clientId).getResultList();
        return tuples.stream().map(this::row).toList();
    }

    private Map<String, Object> row(Tuple tuple) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (TupleElement<?> e : tuple.getElements()) {
            String column = e.getAlias();
            row.put(camel(column), value(column, tuple.get(column)));
        }
        return row;
    }

    private Object value(String column, Object value) {
        if (value instanceof String s && JSON_COLUMNS.contains(column)) {
            try {
                JsonNode node = json.readTree(s);
                return node;
            } catch (Exception e) {
                return s;
            }
        }
        if (value instanceof Timestamp || value instanceof LocalDateTime || value instanceof Instant) {
            return instant(value);
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return value;
    }

    /**
     * A TIMESTAMP column of a native query as an Instant. Timestamps are stored as UTC wall-clock time
     * (quarkus.hibernate-orm.jdbc.timezone=UTC); depending on how Hibernate reads an untyped native column, the
     * Java value is either that wall-clock time or the same instant seen from the JVM's time zone. One query on
     * a known value tells which, so times come out right on a server whatever its time zone.
     */
    Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (wallClock == null) {
            Object known = em.createNativeQuery("SELECT CAST('2000-01-01 00:00:00' AS DATETIME(3))").getSingleResult();
            wallClock = KNOWN.equals(naive(known));
        }
        if (wallClock) {
            return naive(value);
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.atZone(ZoneId.systemDefault()).toInstant();
        }
        return ((Timestamp) value).toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    private static Instant naive(Object value) {
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalArgumentException("Not a timestamp: " + value.getClass());
    }

    static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
