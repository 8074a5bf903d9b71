package fi.askel.rehab;

import fi.askel.common.db.IdList;
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
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** How far a goal was reached at one phase, −2..+2. Rating a phase again replaces the earlier rating. */
@Entity
@Table(name = "gas_rating")
@IdClass(GasRating.Key.class)
public class GasRating extends PanacheEntityBase {

    public enum Phase { BASELINE, MIDPOINT, FINAL }

    public static class Key implements Serializable {
        public Long goalId;
        public Phase phase;

        public Key() {}

        public Key(Long goalId, Phase phase) {
            this.goalId = goalId;
            this.phase = phase;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.goalId, goalId) && k.phase == phase;
        }

        @Override
        public int hashCode() {
            return Objects.hash(goalId, phase);
        }
    }

    @Id
    @Column(name = "goal_id")
    public Long goalId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    public Phase phase;

    @Column(nullable = false)
    public int score;

    @Column(name = "rated_by", nullable = false)
    public Long ratedBy;

    @Column(name = "rated_at", nullable = false)
    public Instant ratedAt;

    public static List<GasRating> listByGoals(Collection<Long> goalIds) {
        if (goalIds.isEmpty()) {
            return List.of();
        }
        IdList in = IdList.of(goalIds, 1);
        return list(in.in("goalId"), in.after());
    }
}
