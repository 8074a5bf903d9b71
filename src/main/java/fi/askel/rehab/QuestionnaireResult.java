package fi.askel.rehab;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** The score of a completed questionnaire step (e.g. WHO-5 at start and end). */
@Entity
@Table(name = "questionnaire_result")
@IdClass(StepAnswer.Key.class)
public class QuestionnaireResult extends PanacheEntityBase {

    @Id
    @Column(name = "assignment_id")
    public Long assignmentId;

    @Id
    @Column(name = "step_key", length = 64)
    public String stepKey;

    @Column(name = "client_id", nullable = false)
    public Long clientId;

    @Column(nullable = false, length = 64)
    public String instrument;

    @Column(nullable = false)
    public int score;

    @Column(name = "max_score", nullable = false)
    public int maxScore;

    @Column(name = "higher_is_better", nullable = false)
    public boolean higherIsBetter;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static List<QuestionnaireResult> listByClient(Long clientId) {
        return list("clientId = ?1 order by recordedAt", clientId);
    }
}
