package fi.askel.remote.survey;

import fi.askel.common.NativeRows;
import fi.askel.privacy.PersonalDataProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Experience survey answers in the client's export. An erasure removes what could tell who answered:
 * the free text, the link to the client and to the period, and any "not now". The scores and technical
 * problems stay without a name, as part of the provider's statistics on whether remote rehabilitation
 * works (they count in the admin's summary only in groups of five or more), so erasing one client does
 * not rewrite results others have already seen.
 */
@ApplicationScoped
public class SurveyPersonalData implements PersonalDataProvider {

    private final NativeRows rows;
    private final EntityManager em;

    public SurveyPersonalData(NativeRows rows, EntityManager em) {
        this.rows = rows;
        this.em = em;
    }

    @Override
    public int exportOrder() {
        return 22;
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long clientId) {
        Map<String, List<Map<String, Object>>> files = new LinkedHashMap<>();
        files.put("experience-survey", rows.of("SELECT period_id, phase, works_for_me, helps_rehab, trust_competence,"
                + " trust_security, guidance_support, technical, problem_picture, problem_sound, problem_connection,"
                + " problem_sign_in, problem_exercises, problem_other, free_text, answered_at, updated_at"
                + " FROM survey_answer WHERE client_id = ?1 ORDER BY answered_at, id", clientId));
        return files;
    }

    @Override
    public List<Line> erase(long clientId) {
        em.createNativeQuery("DELETE FROM survey_postponement WHERE client_id = ?1").setParameter(1, clientId).executeUpdate();
        int answers = em.createNativeQuery("UPDATE survey_answer SET free_text = NULL, client_id = NULL, period_id = NULL"
                + " WHERE client_id = ?1").setParameter(1, clientId).executeUpdate();
        return List.of(Line.erased("experience-survey", answers));
    }
}
