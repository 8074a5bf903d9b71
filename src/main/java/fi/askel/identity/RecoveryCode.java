package fi.askel.identity;

import fi.askel.common.db.Counts;
import fi.askel.common.db.IdList;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A one-time recovery code, kept only as a hash. */
@Entity
@Table(name = "recovery_code")
public class RecoveryCode extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(name = "code_hash", nullable = false, length = 64)
    public String codeHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "used_at")
    public Instant usedAt;

    /** Marks the code used if it is the user's and still unused; true when it was. One statement, so it works once. */
    static boolean use(Long userId, String hash, Instant now) {
        return update("usedAt = ?1 where userId = ?2 and codeHash = ?3 and usedAt is null", now, userId, hash) == 1;
    }

    static long countUnused(Long userId) {
        return Counts.of("select count(*) from RecoveryCode where userId = ?1 and usedAt is null", userId);
    }

    /**
     * Deletes a person's codes by their primary keys, read first without a lock. A {@code DELETE … WHERE user_id = ?}
     * that finds nothing (a first enrolment) still locks the gap in the index where such rows would go, and two people
     * enrolling at once then deadlock on each other's gap when they insert their new codes.
     */
    static long deleteByUser(Long userId) {
        List<Long> ids = getEntityManager().createQuery("select r.id from RecoveryCode r where r.userId = ?1", Long.class)
                .setParameter(1, userId).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        IdList in = IdList.of(ids, 1);
        return delete(in.in("id"), in.after());
    }
}
