package fi.askel.rehab;

import io.quarkus.hibernate.orm.panache.Panache;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hibernate.Session;

/**
 * What a client has logged — exercise sessions, questionnaire results and diary entries — read in one statement for
 * the pages that chart all three (the specialist's client page, the summary). Three reads were three round trips to
 * the database on the busiest staff page; one {@code UNION ALL} is one.
 *
 * <p>The rows come back as the entities' classes but are not managed by Hibernate (nothing here is saved); each list
 * is in the order of its own {@code listByClient}. Times are read as the UTC wall-clock time they are stored as
 * ({@code quarkus.hibernate-orm.jdbc.timezone=UTC}).
 */
public record ProgressRows(List<ExerciseLog> logs, List<QuestionnaireResult> results, List<DiaryEntry> diary) {

    private static final int LOG = 1;
    private static final int RESULT = 2;
    private static final int DIARY = 3;

    /*
     * Columns: part, id, assignment, step, day, at, five numbers, two texts, the diary entry's JSON.
     * A log's numbers are sets, reps, minutes, effort, pain; a result's score, maximum, higher-is-better;
     * a result's text is its instrument, a diary entry's its log kind and entry key.
     */
    private static final String SQL = """
            SELECT 1 AS part, id, assignment_id, step_key, done_on AS day, NULL AS at, sets_done AS n1, reps_done AS n2,
                   minutes_done AS n3, effort AS n4, pain AS n5, NULL AS s1, NULL AS s2, NULL AS body
              FROM exercise_log WHERE client_id = ?
            UNION ALL
            SELECT 2, NULL, assignment_id, step_key, NULL, recorded_at, score, max_score, higher_is_better, NULL, NULL,
                   instrument, NULL, NULL
              FROM questionnaire_result WHERE client_id = ?
            UNION ALL
            SELECT 3, id, assignment_id, step_key, entry_on, saved_at, NULL, NULL, NULL, NULL, NULL, log_kind, entry_key, entry
              FROM diary_entry WHERE client_id = ?""";

    /*
     * Each list's order is its listByClient's, made here: an ORDER BY over the union would make the database collect
     * the rows in a temporary table and sort them there (with the diary's LONGTEXT, not in memory), which cost it more
     * than the three reads it replaces. Without it the rows stream from the three indexes.
     */
    private static final Comparator<ExerciseLog> LOG_ORDER = Comparator.comparing((ExerciseLog l) -> l.doneOn)
            .thenComparing(l -> l.id);
    private static final Comparator<QuestionnaireResult> RESULT_ORDER = Comparator
            .comparing((QuestionnaireResult r) -> r.recordedAt).thenComparing(r -> r.assignmentId).thenComparing(r -> r.stepKey);
    private static final Comparator<DiaryEntry> DIARY_ORDER = Comparator.comparing((DiaryEntry d) -> d.logKind)
            .thenComparing(d -> d.entryOn).thenComparing(d -> d.entryKey).thenComparing(d -> d.id);

    /** The client's rows, in the transaction's connection. */
    public static ProgressRows of(long clientId) {
        return Panache.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(SQL)) {
                ps.setLong(1, clientId);
                ps.setLong(2, clientId);
                ps.setLong(3, clientId);
                try (ResultSet rs = ps.executeQuery()) {
                    return read(rs, clientId);
                }
            }
        });
    }

    private static ProgressRows read(ResultSet rs, long clientId) throws SQLException {
        List<ExerciseLog> logs = new ArrayList<>();
        List<QuestionnaireResult> results = new ArrayList<>();
        List<DiaryEntry> diary = new ArrayList<>();
        while (rs.next()) {
            switch (rs.getInt("part")) {
                case LOG -> {
                    ExerciseLog l = new ExerciseLog();
                    l.id = rs.getLong("id");
                    l.assignmentId = rs.getLong("assignment_id");
                    l.clientId = clientId;
                    l.stepKey = rs.getString("step_key");
                    l.doneOn = rs.getObject("day", LocalDate.class);
                    l.setsDone = integer(rs, "n1");
                    l.repsDone = integer(rs, "n2");
                    l.minutesDone = integer(rs, "n3");
                    l.effort = integer(rs, "n4");
                    l.pain = integer(rs, "n5");
                    logs.add(l);
                }
                case RESULT -> {
                    QuestionnaireResult r = new QuestionnaireResult();
                    r.assignmentId = rs.getLong("assignment_id");
                    r.stepKey = rs.getString("step_key");
                    r.clientId = clientId;
                    r.recordedAt = rs.getObject("at", LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    r.score = rs.getInt("n1");
                    r.maxScore = rs.getInt("n2");
                    r.higherIsBetter = rs.getInt("n3") != 0;
                    r.instrument = rs.getString("s1");
                    results.add(r);
                }
                case DIARY -> {
                    DiaryEntry d = new DiaryEntry();
                    d.id = rs.getLong("id");
                    d.assignmentId = rs.getLong("assignment_id");
                    d.clientId = clientId;
                    d.stepKey = rs.getString("step_key");
                    d.entryOn = rs.getObject("day", LocalDate.class);
                    d.savedAt = rs.getObject("at", LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    d.logKind = rs.getString("s1");
                    d.entryKey = rs.getString("s2");
                    d.entry = rs.getString("body");
                    diary.add(d);
                }
                default -> throw new IllegalStateException("Unknown part " + rs.getInt("part"));
            }
        }
        logs.sort(LOG_ORDER);
        results.sort(RESULT_ORDER);
        diary.sort(DIARY_ORDER);
        return new ProgressRows(List.copyOf(logs), List.copyOf(results), List.copyOf(diary));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
