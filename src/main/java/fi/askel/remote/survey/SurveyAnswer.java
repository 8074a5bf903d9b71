package fi.askel.remote.survey;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A client's answer to the experience survey for one period and phase. Client and period are null once anonymised. */
@Entity
@Table(name = "survey_answer")
public class SurveyAnswer extends PanacheEntityBase {

    public enum Phase { MIDPOINT, END }

    public enum Technical { NONE, SOME, MANY }

    /** Kela's words for what the client should experience; each a Likert item 1–5. */
    public enum Statement { WORKS_FOR_ME, HELPS_REHAB, TRUST_COMPETENCE, TRUST_SECURITY, GUIDANCE_SUPPORT }

    public enum Problem { PICTURE, SOUND, CONNECTION, SIGN_IN, EXERCISES, OTHER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "client_id")
    public Long clientId;

    @Column(name = "period_id")
    public Long periodId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Phase phase;

    @Column(name = "service_type", nullable = false, length = 32)
    public String serviceType;

    @Column(name = "works_for_me", nullable = false)
    public int worksForMe;

    @Column(name = "helps_rehab", nullable = false)
    public int helpsRehab;

    @Column(name = "trust_competence", nullable = false)
    public int trustCompetence;

    @Column(name = "trust_security", nullable = false)
    public int trustSecurity;

    @Column(name = "guidance_support", nullable = false)
    public int guidanceSupport;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Technical technical;

    @Column(name = "problem_picture", nullable = false)
    public boolean problemPicture;

    @Column(name = "problem_sound", nullable = false)
    public boolean problemSound;

    @Column(name = "problem_connection", nullable = false)
    public boolean problemConnection;

    @Column(name = "problem_sign_in", nullable = false)
    public boolean problemSignIn;

    @Column(name = "problem_exercises", nullable = false)
    public boolean problemExercises;

    @Column(name = "problem_other", nullable = false)
    public boolean problemOther;

    @Column(name = "free_text", length = 2000)
    public String freeText;

    @Column(name = "answered_at", nullable = false)
    public Instant answeredAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    public int score(Statement s) {
        return switch (s) {
            case WORKS_FOR_ME -> worksForMe;
            case HELPS_REHAB -> helpsRehab;
            case TRUST_COMPETENCE -> trustCompetence;
            case TRUST_SECURITY -> trustSecurity;
            case GUIDANCE_SUPPORT -> guidanceSupport;
        };
    }

    public Map<Statement, Integer> scores() {
        Map<Statement, Integer> scores = new LinkedHashMap<>();
        for (Statement s : Statement.values()) {
            scores.put(s, score(s));
        }
        return scores;
    }

    void scores(Map<Statement, Integer> scores) {
        worksForMe = scores.get(Statement.WORKS_FOR_ME);
        helpsRehab = scores.get(Statement.HELPS_REHAB);
        trustCompetence = scores.get(Statement.TRUST_COMPETENCE);
        trustSecurity = scores.get(Statement.TRUST_SECURITY);
        guidanceSupport = scores.get(Statement.GUIDANCE_SUPPORT);
    }

    public List<Problem> problems() {
        List<Problem> list = new ArrayList<>();
        boolean[] flags = {problemPicture, problemSound, problemConnection, problemSignIn, problemExercises, problemOther};
        for (Problem p : Problem.values()) {
            if (flags[p.ordinal()]) {
                list.add(p);
            }
        }
        return list;
    }

    void problems(List<Problem> problems) {
        problemPicture = problems.contains(Problem.PICTURE);
        problemSound = problems.contains(Problem.SOUND);
        problemConnection = problems.contains(Problem.CONNECTION);
        problemSignIn = problems.contains(Problem.SIGN_IN);
        problemExercises = problems.contains(Problem.EXERCISES);
        problemOther = problems.contains(Problem.OTHER);
    }

    public static SurveyAnswer findByPeriodAndPhase(Long periodId, Phase phase) {
        return find("periodId = ?1 and phase = ?2", periodId, phase).firstResult();
    }

    public static List<SurveyAnswer> listByClient(Long clientId) {
        return list("clientId = ?1 order by answeredAt, id", clientId);
    }
}
