package fi.askel.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A request to erase a client's data (by the client, or by the retention job for an unused account). */
@Entity
@Table(name = "privacy_erasure_request")
public class ErasureRequest extends PanacheEntityBase {

    public static final String BY_CLIENT = "CLIENT";
    public static final String BY_INACTIVITY = "INACTIVITY";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(nullable = false, length = 16)
    public String origin;

    @Column(length = 2000)
    public String reason;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "processed_at")
    public Instant processedAt;

    @Column(name = "processed_by")
    public Long processedBy;

    /** JSON: [{item, action, count}], localized when shown. */
    @Column(columnDefinition = "TEXT")
    public String result;

    public static Optional<ErasureRequest> findLatestByUser(Long userId) {
        return find("userId = ?1 order by id desc", userId).firstResultOptional();
    }

    public static Optional<ErasureRequest> findOpenByUser(Long userId) {
        return find("userId = ?1 and processedAt is null", userId).firstResultOptional();
    }

    /** Open requests first (oldest first), then the most recently processed. */
    public static List<ErasureRequest> listForAdmin(int limit) {
        return find("order by case when processedAt is null then 0 else 1 end, "
                + "case when processedAt is null then requestedAt end, processedAt desc").page(0, limit).list();
    }
}
