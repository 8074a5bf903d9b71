package fi.askel.privacy;

import fi.askel.common.NativeRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Privacy's own records about a client: notice acknowledgements, consents, the access log, erasure requests. */
@ApplicationScoped
public class PrivacyPersonalData implements PersonalDataProvider {

    private final NativeRows rows;
    private final EntityManager em;

    public PrivacyPersonalData(NativeRows rows, EntityManager em) {
        this.rows = rows;
        this.em = em;
    }

    @Override
    public int exportOrder() {
        return 100;
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long clientId) {
        Map<String, List<Map<String, Object>>> files = new LinkedHashMap<>();
        files.put("privacy-notice-acknowledgements", rows.of("SELECT notice_version, acknowledged_at FROM privacy_acknowledgement"
                + " WHERE user_id = ?1 ORDER BY notice_version", clientId));
        files.put("consents", rows.of("SELECT kind, given, notice_version, recorded_at FROM privacy_consent_event"
                + " WHERE user_id = ?1 ORDER BY id", clientId));
        files.put("access-log", rows.of("SELECT occurred_at, actor_name, actor_role, kind, purpose, route FROM access_event"
                + " WHERE client_id = ?1 ORDER BY id", clientId));
        files.put("erasure-requests", rows.of("SELECT origin, reason, requested_at, processed_at, result FROM privacy_erasure_request"
                + " WHERE user_id = ?1 ORDER BY id", clientId, "result"));
        return files;
    }

    /** Consents stay as evidence; where the notice was acknowledged from goes, as does an inactivity flag. */
    @Override
    public List<Line> erase(long clientId) {
        em.createNativeQuery("UPDATE privacy_acknowledgement SET remote_address = NULL WHERE user_id = ?1")
                .setParameter(1, clientId).executeUpdate();
        em.createNativeQuery("DELETE FROM privacy_inactive_flag WHERE user_id = ?1").setParameter(1, clientId).executeUpdate();
        return List.of(Line.kept("consent-history", 1));
    }
}
