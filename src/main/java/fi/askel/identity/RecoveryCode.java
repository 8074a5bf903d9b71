package fi.askel.identity;

import fi.askel.common.db.Counts;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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

    static long deleteByUser(Long userId) {
        return delete("userId", userId);
    }
}
