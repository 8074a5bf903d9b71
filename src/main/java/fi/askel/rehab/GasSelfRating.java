package fi.askel.rehab;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The client's own rating of how far a goal was reached, at the midpoint or the end (−2..+2), kept beside the
 * specialist's {@link GasRating}: the T-score is the specialist's; the client's view is shown next to it. Rating a
 * phase again replaces the earlier rating.
 */
@Entity
@Table(name = "gas_self_rating")
@IdClass(GasRating.Key.class)
public class GasSelfRating extends PanacheEntityBase {

    @Id
    @Column(name = "goal_id")
    public Long goalId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    public GasRating.Phase phase;

    @Column(nullable = false)
    public int score;

    @Column(name = "rated_at", nullable = false)
    public Instant ratedAt;
}
