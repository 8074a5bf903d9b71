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
        files.put("video-appointments", rows.of("SELECT a.id, a.period_id, u.display_name AS specialist, a.starts_at,"
                + " a.duration_minutes, a.topic, a.note, a.status, a.cancelled_at, a.cancel_reason, a.client_joined_at,"
                + " a.specialist_joined_at, a.call_started_at, a.call_ended_at, a.call_seconds, a.created_at"
                + " FROM remote_appointment a JOIN app_user u ON u.id = a.specialist_id WHERE a.client_id = ?1"
                + " ORDER BY a.starts_at, a.id", clientId));
        files.put("video-appointment-reminders", rows.of("SELECT r.appointment_id, r.kind, r.starts_at, r.sent_at"
                + " FROM remote_appointment_reminder r JOIN remote_appointment a ON a.id = r.appointment_id"
                + " WHERE a.client_id = ?1 ORDER BY r.sent_at", clientId));
        return files;
    }

    @Override
    public List<Line> erase(long clientId) {
        return List.of(Line.kept("video-appointments", recordsKept(clientId)));
    }

    @Override
    public long recordsKept(long clientId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM remote_appointment WHERE client_id = ?1")
                .setParameter(1, clientId).getSingleResult()).longValue();
    }
}
