package fi.askel.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One sign-in: access tokens name it, a refresh token extends it, logging out revokes it. */
@Entity
@Table(name = "auth_session")
public class AuthSession extends PanacheEntityBase {

    @Id
    @Column(length = 36)
    public String id;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(name = "refresh_hash", nullable = false, length = 64)
    public String refreshHash;

    /** The refresh token this one replaced: presented again, it was stolen (AuthService.refresh). */
    @Column(name = "previous_refresh_hash", length = 64)
    public String previousRefreshHash;

    @Column(name = "refreshed_at")
    public Instant refreshedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "last_used_at", nullable = false)
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "user_agent", length = 255)
    public String userAgent;

    @Column(name = "remote_address", length = 64)
    public String remoteAddress;

    /** FULL, or ENROL: staff signed in with the password only, who may do nothing but enrol a second factor. */
    @Column(nullable = false, length = 8)
    public String scope = FULL;

    public static final String FULL = "FULL";
    public static final String ENROL = "ENROL";

    public boolean isActive(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    public static Optional<AuthSession> findByRefreshHash(String hash) {
        return find("refreshHash", hash).firstResultOptional();
    }

    public static Optional<AuthSession> findByPreviousRefreshHash(String hash) {
        return find("previousRefreshHash", hash).firstResultOptional();
    }

    /** When the sign-in ends for want of activity (last_used_at is written at most once a minute). */
    public Instant idleExpiresAt(Duration idle) {
        return lastUsedAt.plus(idle);
    }

    public static int revokeAllByUser(Long userId, Instant now) {
        return update("revokedAt = ?1 where userId = ?2 and revokedAt is null", now, userId);
    }

    /** Every other sign-in of the user ends; the one given stays. */
    public static int revokeOthers(Long userId, String keepId, Instant now) {
        return update("revokedAt = ?1 where userId = ?2 and revokedAt is null and id <> ?3", now, userId, keepId);
    }

    /** When the user signed in before this sign-in (null for the first). */
    public static Instant previousSignIn(Long userId, Instant before) {
        return getEntityManager()
                .createQuery("select max(s.createdAt) from AuthSession s where s.userId = ?1 and s.createdAt < ?2", Instant.class)
                .setParameter(1, userId).setParameter(2, before).getSingleResult();
    }
}
