package fi.askel.remote;

import fi.askel.common.NativeRows;
import fi.askel.privacy.PersonalDataProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Video-call appointments in the client's export. They are part of the rehabilitation records (when a
 * remote session was held, with whom, how long), so an erasure keeps them; no media or chat exists to erase.
 */
@ApplicationScoped
public class RemotePersonalData implements PersonalDataProvider {

    private final NativeRows rows;
    private final EntityManager em;

    public RemotePersonalData(NativeRows rows, EntityManager em) {
        this.rows = rows;
        this.em = em;
    }

    @Override
    public int exportOrder() {
        return 20;
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long clientId) {
        Map<String, List<Map<String, Object>>> files = new LinkedHashMap<>();
        // A group session shows when this client joined, never who else was in it.
        files.put("video-appointments", rows.of("SELECT a.id, a.kind, COALESCE(a.period_id, m.period_id) AS period_id,"
                + " u.display_name AS specialist, a.starts_at, a.duration_minutes, a.topic, a.note, a.status, a.cancelled_at,"
                + " a.cancel_reason, CASE WHEN a.kind = 'GROUP' THEN m.joined_at ELSE a.client_joined_at END AS you_joined_at,"
                + " a.specialist_joined_at, a.call_started_at, a.call_ended_at, a.call_seconds, a.created_at"
                + " FROM remote_appointment a JOIN app_user u ON u.id = a.specialist_id"
                + " LEFT JOIN remote_appointment_member m ON m.appointment_id = a.id AND m.client_id = ?1"
                + " WHERE a.client_id = ?1 OR m.client_id IS NOT NULL ORDER BY a.starts_at, a.id", clientId));
        files.put("video-appointment-reminders", rows.of("SELECT appointment_id, kind, starts_at, sent_at"
                + " FROM remote_appointment_reminder WHERE client_id = ?1 ORDER BY sent_at", clientId));
        return files;
    }

    @Override
    public List<Line> erase(long clientId) {
        return List.of(Line.kept("video-appointments", recordsKept(clientId)));
    }

    @Override
    public long recordsKept(long clientId) {
        return ((Number) em.createNativeQuery("SELECT (SELECT COUNT(*) FROM remote_appointment WHERE client_id = ?1)"
                + " + (SELECT COUNT(*) FROM remote_appointment_member WHERE client_id = ?1)")
                .setParameter(1, clientId).getSingleResult()).longValue();
    }
}
