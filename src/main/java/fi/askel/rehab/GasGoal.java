package fi.askel.rehab;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A Goal Attainment Scaling goal: a title, a weight 1–4 and what each level −2..+2 means. */
@Entity
@Table(name = "gas_goal")
public class GasGoal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "client_id", nullable = false)
    public Long clientId;

    @Column(name = "period_id", nullable = false)
    public Long periodId;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(nullable = false)
    public int weight;

    @Column(name = "level_m2", nullable = false, length = 1000)
    public String levelMinus2;

    @Column(name = "level_m1", nullable = false, length = 1000)
    public String levelMinus1;

    @Column(name = "level_0", nullable = false, length = 1000)
    public String level0;

    @Column(name = "level_p1", nullable = false, length = 1000)
    public String levelPlus1;

    @Column(name = "level_p2", nullable = false, length = 1000)
    public String levelPlus2;

    @Column(name = "created_by", nullable = false)
    public Long createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<GasGoal> listByClient(Long clientId) {
        return list("clientId = ?1 order by id", clientId);
    }
}
