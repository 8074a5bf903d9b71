package fi.askel.remote.readiness;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An item as it was saved once: the history of its reviews. Never edited. */
@Entity
@Table(name = "readiness_review")
public class ReadinessReview extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "item_id", nullable = false)
    public Long itemId;

    @Column(name = "owner_id")
    public Long ownerId;

    @Column(length = 4000)
    public String evidence;

    @Column(name = "last_reviewed_on")
    public LocalDate lastReviewedOn;

    @Column(name = "next_review_on", nullable = false)
    public LocalDate nextReviewOn;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public Long recordedBy;

    static ReadinessReview of(ReadinessItem item, Long by, Instant at) {
        ReadinessReview r = new ReadinessReview();
        r.itemId = item.id;
        r.ownerId = item.ownerId;
        r.evidence = item.evidence;
        r.lastReviewedOn = item.lastReviewedOn;
        r.nextReviewOn = item.nextReviewOn;
        r.recordedAt = at;
        r.recordedBy = by;
        return r;
    }

    public static List<ReadinessReview> listByItem(Long itemId) {
        return list("itemId = ?1 order by recordedAt desc, id desc", itemId);
    }
}
