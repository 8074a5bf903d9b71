package fi.askel.remote.survey;

import fi.askel.remote.survey.SurveyAnswer.Phase;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The client said "not now": the survey's dashboard item stays hidden until {@code hiddenUntil}. */
@Entity
@Table(name = "survey_postponement")
@IdClass(SurveyPostponement.Key.class)
public class SurveyPostponement extends PanacheEntityBase {

    public static class Key implements Serializable {
        public Long periodId;
        public Phase phase;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(periodId, k.periodId) && phase == k.phase;
        }

        @Override
        public int hashCode() {
            return Objects.hash(periodId, phase);
        }
    }

    @Id
    @Column(name = "period_id")
    public Long periodId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    public Phase phase;

    @Column(name = "client_id", nullable = false)
    public Long clientId;

    @Column(name = "hidden_until", nullable = false)
    public Instant hiddenUntil;

    public static SurveyPostponement findByPeriodAndPhase(Long periodId, Phase phase) {
        return find("periodId = ?1 and phase = ?2", periodId, phase).firstResult();
    }
}
