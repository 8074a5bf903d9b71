package fi.askel.rehab;

import fi.askel.common.NativeRows;
import fi.askel.privacy.PersonalDataProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rehabilitation records in the client's export. None are erased: the law on client documents requires
 * the provider to keep them (README.md, "Privacy"), so an erasure lists them as kept and the name stays.
 */
@ApplicationScoped
public class RehabPersonalData implements PersonalDataProvider {

    private final NativeRows rows;
    private final EntityManager em;

    public RehabPersonalData(NativeRows rows, EntityManager em) {
        this.rows = rows;
        this.em = em;
    }

    @Override
    public int exportOrder() {
        return 10;
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long clientId) {
        Map<String, List<Map<String, Object>>> files = new LinkedHashMap<>();
        files.put("rehabilitation-periods", rows.of("SELECT p.id, p.service_type, p.starts_on, p.ends_on, p.created_at,"
                + " (SELECT GROUP_CONCAT(u.display_name ORDER BY u.display_name SEPARATOR ', ') FROM rehab_period_specialist s"
                + " JOIN app_user u ON u.id = s.specialist_id WHERE s.period_id = p.id) AS specialists"
                + " FROM rehab_period p WHERE p.client_id = ?1 ORDER BY p.starts_on, p.id", clientId));
        files.put("assignments", rows.of("SELECT id, period_id, module_slug, module_version, status, opens_on, due_on, note,"
                + " created_at, started_at, submitted_at, reviewed_at, last_activity_at FROM assignment WHERE client_id = ?1 ORDER BY id",
                clientId));
        // Each answer with what the specialist changed of its step for the client (e.g. skipped: kept, not shown in the work).
        files.put("answers", rows.of("SELECT a.assignment_id, a.step_key, a.answer, a.is_final, a.revision, a.saved_at,"
                + " JSON_EXTRACT(ad.steps, CONCAT('$.\"', a.step_key, '\"')) AS adaptation FROM step_answer a"
                + " JOIN assignment s ON s.id = a.assignment_id LEFT JOIN assignment_adaptation ad ON ad.assignment_id = a.assignment_id"
                + " WHERE s.client_id = ?1 ORDER BY a.assignment_id, a.step_key", clientId, "answer", "adaptation"));
        files.put("adaptations", rows.of("SELECT ad.assignment_id, ad.steps, ad.note, ad.changed_at, u.display_name AS changed_by"
                + " FROM assignment_adaptation ad JOIN assignment s ON s.id = ad.assignment_id JOIN app_user u ON u.id = ad.changed_by"
                + " WHERE s.client_id = ?1 ORDER BY ad.assignment_id", clientId, "steps"));
        files.put("exercise-logs", rows.of("SELECT assignment_id, step_key, done_on, sets_done, reps_done, minutes_done, effort, pain"
                + " FROM exercise_log WHERE client_id = ?1 ORDER BY done_on, id", clientId));
        files.put("diary-entries", rows.of("SELECT assignment_id, step_key, log_kind, entry_key, entry_on, entry, saved_at"
                + " FROM diary_entry WHERE client_id = ?1 ORDER BY log_kind, entry_on, entry_key, id", clientId, "entry"));
        files.put("questionnaire-results", rows.of("SELECT assignment_id, step_key, instrument, score, max_score, higher_is_better,"
                + " recorded_at FROM questionnaire_result WHERE client_id = ?1 ORDER BY recorded_at", clientId));
        files.put("feedback", rows.of("SELECT r.assignment_id, r.decision, r.comment, r.created_at, u.display_name AS reviewer"
                + " FROM review r JOIN assignment a ON a.id = r.assignment_id JOIN app_user u ON u.id = r.reviewer_id"
                + " WHERE a.client_id = ?1 ORDER BY r.created_at", clientId));
        files.put("goals", rows.of("SELECT id, period_id, title, weight, level_m2, level_m1, level_0, level_p1, level_p2, created_at"
                + " FROM gas_goal WHERE client_id = ?1 ORDER BY id", clientId));
        files.put("goal-ratings", rows.of("SELECT r.goal_id, r.phase, r.score, r.rated_at FROM gas_rating r"
                + " JOIN gas_goal g ON g.id = r.goal_id WHERE g.client_id = ?1 ORDER BY r.goal_id, r.rated_at", clientId));
        files.put("goal-self-ratings", rows.of("SELECT r.goal_id, r.phase, r.score, r.rated_at FROM gas_self_rating r"
                + " JOIN gas_goal g ON g.id = r.goal_id WHERE g.client_id = ?1 ORDER BY r.goal_id, r.rated_at", clientId));
        files.put("reminders-sent", rows.of("SELECT rs.assignment_id, rs.kind, rs.event_key, rs.sent_at FROM reminder_sent rs"
                + " JOIN assignment a ON a.id = rs.assignment_id WHERE a.client_id = ?1 ORDER BY rs.sent_at", clientId));
        files.put("reminder-opt-out", rows.of("SELECT opted_out_at FROM reminder_opt_out WHERE client_id = ?1", clientId));
        return files;
    }

    @Override
    public List<Line> erase(long clientId) {
        return List.of(Line.kept("rehabilitation-records", recordsKept(clientId)));
    }

    @Override
    public long recordsKept(long clientId) {
        Number n = (Number) em.createNativeQuery("SELECT (SELECT COUNT(*) FROM rehab_period WHERE client_id = ?1)"
                + " + (SELECT COUNT(*) FROM assignment WHERE client_id = ?1)"
                + " + (SELECT COUNT(*) FROM gas_goal WHERE client_id = ?1)").setParameter(1, clientId).getSingleResult();
        return n.longValue();
    }
}
