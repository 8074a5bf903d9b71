package fi.askel.remote.readiness;

import fi.askel.common.db.Counts;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One of the conditions the provider keeps in order: a standard one (with a code) or the provider's own. */
@Entity
@Table(name = "readiness_item")
public class ReadinessItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Standard items: the key of their texts in the bundles ({@code readiness.item.<code>.title}). */
    @Column(length = 40)
    public String code;

    /** The provider's own items: the title as the admin wrote it. */
    @Column(length = 200)
    public String title;

    @Column(nullable = false)
    public int position;

    @Column(name = "owner_id")
    public Long ownerId;

    @Column(length = 4000)
    public String evidence;

    @Column(name = "last_reviewed_on")
    public LocalDate lastReviewedOn;

    @Column(name = "next_review_on", nullable = false)
    public LocalDate nextReviewOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public Long updatedBy;

    @Version
    public int version;

    public boolean isStandard() {
        return code != null;
    }

    /** Overdue: the next review date has passed (an item due today is not yet overdue). */
    public boolean isOverdue(LocalDate today) {
        return nextReviewOn.isBefore(today);
    }

    public static List<ReadinessItem> listOrdered() {
        return list("order by position, id");
    }

    public static List<ReadinessItem> listOverdue(LocalDate today) {
        return list("nextReviewOn < ?1 order by nextReviewOn, position, id", today);
    }

    public static long countOverdue(LocalDate today) {
        return Counts.of("select count(*) from ReadinessItem where nextReviewOn < ?1", today);
    }
}
