package fi.askel.remote.suitability;

import fi.askel.common.NativeRows;
import fi.askel.privacy.PersonalDataProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;

/**
 * Suitability assessments in the client's export. They document the decision to rehabilitate remotely
 * and the client's consent to it, so they are client documents an erasure keeps.
 */
@ApplicationScoped
public class SuitabilityPersonalData implements PersonalDataProvider {

    private final NativeRows rows;
    private final EntityManager em;

    public SuitabilityPersonalData(NativeRows rows, EntityManager em) {
        this.rows = rows;
        this.em = em;
    }

    @Override
    public int exportOrder() {
        return 15;
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long clientId) {
        return Map.of("remote-suitability", rows.of("SELECT s.period_id, s.assessed_at, u.display_name AS specialist, s.test_call,"
                + " s.test_call_note, s.private_space, s.private_space_note, s.digital_skills, s.hands_on_needed, s.hands_on_note,"
                + " s.client_wish, s.interpreter_needed, s.interpreter_language, s.client_consented, s.consent_notice_version,"
                + " s.consent_given_at, s.decision, s.reasons, s.support_measures FROM remote_suitability_assessment s"
                + " JOIN app_user u ON u.id = s.specialist_id WHERE s.client_id = ?1 ORDER BY s.id", clientId));
    }

    @Override
    public List<Line> erase(long clientId) {
        return List.of(Line.kept("remote-suitability", recordsKept(clientId)));
    }

    @Override
    public long recordsKept(long clientId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM remote_suitability_assessment WHERE client_id = ?1")
                .setParameter(1, clientId).getSingleResult()).longValue();
    }
}
