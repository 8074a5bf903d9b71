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
import java.util.Optional;

/**
 * A one-time password reset link an admin had sent; only the token's hash is kept.
 *
 * <p>A row nobody created ({@code created_by} null) whose token nobody knows is the service's own demand
 * that the user choose a new password at the next sign-in (the bootstrap admin's): it is "used" when the
 * password changes, like every pending link of the user, and no link can ever open it.
 */
@Entity
@Table(name = "password_reset")
public class PasswordReset extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    boolean isUsable(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }

    static Optional<PasswordReset> findByTokenHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    /** Earlier links of the user stop working (a new one was sent, or the password changed). */
    static int expireAllOf(Long userId, Instant now) {
        return update("usedAt = ?1 where userId = ?2 and usedAt is null", now, userId);
    }

    /** A demand has no end of its own: the last instant a TIMESTAMP column holds on MariaDB 10.11. */
    static final Instant UNTIL_CHANGED = Instant.parse("2038-01-19T03:14:07Z");

    /** The user must choose a new password before doing anything else (see the class comment). */
    static void requireChange(Long userId, Instant now) {
        PasswordReset demand = new PasswordReset();
        demand.userId = userId;
        demand.tokenHash = AuthService.sha256(fi.askel.common.Secrets.random(32)); // never told to anyone
        demand.createdAt = now;
        demand.expiresAt = UNTIL_CHANGED;
        demand.persist();
    }

    static boolean changeRequired(Long userId, Instant now) {
        return Counts.of("select count(*) from PasswordReset where userId = ?1 and createdBy is null and usedAt is null and expiresAt > ?2",
                userId, now) > 0;
    }

    /** Marks the link used if nobody used it first; true when this call did. */
    static boolean use(Long id, Instant now) {
        return update("usedAt = ?1 where id = ?2 and usedAt is null and expiresAt > ?1", now, id) == 1;
    }
}
