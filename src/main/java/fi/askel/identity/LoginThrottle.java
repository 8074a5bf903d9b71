package fi.askel.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Failed sign-in throttling per account name and per client address, in the database (login_throttle)
 * so that every instance counts the same attempts. An unknown account name is counted exactly like a
 * real one, so the answers never tell whether an account exists. Failures are written in their own
 * transaction: the refused sign-in rolls back, the count must not. Callers count a failure while they
 * hold no transaction (AuthService, PasswordService, MfaResource, TwoFactorPage read the account in a
 * short transaction and compare the password after it ended), so this never holds a second connection.
 */
@ApplicationScoped
public class LoginThrottle {

    enum Kind { ACCOUNT, ADDRESS }

    /** Why a sign-in to an existing account failed, for the owner's notice. */
    enum Reason { PASSWORD, SECOND_FACTOR }

    private final EntityManager em;
    private final AuthConfig.Lockout config;
    private final Clock clock;

    public LoginThrottle(EntityManager em, AuthConfig config, Clock clock) {
        this.em = em;
        this.config = config.lockout();
        this.clock = clock;
    }

    /** Refuses (429) while the account name or the address must wait. Call before looking at the password. */
    public void check(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> wait = QuarkusTransaction.joiningExisting().call(() -> remainingLock(username, address, now));
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
    }

    public void recordFailure(String username, String address, Long userId, Reason reason) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            count(Kind.ACCOUNT, accountKey(username), config.maxFailures(), config.backoffAfter(), now);
            if (address != null) {
                int addressBackoff = Math.max(1, config.addressMaxFailures() - (config.maxFailures() - config.backoffAfter()));
                count(Kind.ADDRESS, AuthService.sha256(address), config.addressMaxFailures(), addressBackoff, now);
            }
            if (userId != null) {
                LoginFailure failure = new LoginFailure();
                failure.userId = userId;
                failure.attemptedAt = now;
                failure.remoteAddress = address == null || address.length() <= 64 ? address : address.substring(0, 64);
                failure.reason = reason.name();
                failure.persist();
            }
        });
    }

    /** A successful sign-in clears the account's count (not the address's: one good account must not hide an attack). */
    public void recordSuccess(String username) {
        em.createNativeQuery("DELETE FROM login_throttle WHERE kind = 'ACCOUNT' AND key_hash = ?1")
                .setParameter(1, accountKey(username)).executeUpdate();
    }

    /** Forget the account's count, e.g. after an admin reset its password. */
    public void clearAccount(String username) {
        QuarkusTransaction.joiningExisting().run(() -> recordSuccess(username));
    }

    /** How long the next attempt must wait after this many failures. */
    static Duration delay(int failures, int maxFailures, int backoffAfter, Duration lock) {
        if (failures >= maxFailures) {
            return lock;
        }
        if (failures < backoffAfter) {
            return Duration.ZERO;
        }
        Duration backoff = Duration.ofSeconds(1L << Math.min(30, failures - backoffAfter));
        return backoff.compareTo(lock) < 0 ? backoff : lock;
    }

    private void count(Kind kind, String key, int max, int backoffAfter, Instant now) {
        Instant staleBefore = now.minus(lock());
        // A count with no failure for a whole lock period starts again from one.
        em.createNativeQuery("INSERT INTO login_throttle (kind, key_hash, failures, last_failure_at) VALUES (?1, ?2, 1, ?3) "
                        + "ON DUPLICATE KEY UPDATE failures = IF(last_failure_at < ?4, 1, failures + 1), last_failure_at = ?3")
                .setParameter(1, kind.name()).setParameter(2, key).setParameter(3, now)
                .setParameter(4, staleBefore).executeUpdate();
        int failures = ((Number) em.createNativeQuery("SELECT failures FROM login_throttle WHERE kind = ?1 AND key_hash = ?2")
                .setParameter(1, kind.name()).setParameter(2, key).getSingleResult()).intValue();
        Duration wait = delay(failures, max, backoffAfter, lock());
        if (!wait.isZero()) {
            em.createNativeQuery("UPDATE login_throttle SET locked_until = ?3 WHERE kind = ?1 AND key_hash = ?2")
                    .setParameter(1, kind.name()).setParameter(2, key).setParameter(3, now.plus(wait)).executeUpdate();
        }
    }

    /** The longest wait still ahead for the account name or the address (computed in SQL, so no time zone is involved). */
    private Optional<Duration> remainingLock(String username, String address, Instant now) {
        Object millis = em.createNativeQuery("SELECT MAX(TIMESTAMPDIFF(MICROSECOND, ?1, locked_until)) DIV 1000 FROM login_throttle "
                        + "WHERE locked_until > ?1 AND ((kind = 'ACCOUNT' AND key_hash = ?2) OR (kind = 'ADDRESS' AND key_hash = ?3))")
                .setParameter(1, now).setParameter(2, accountKey(username))
                .setParameter(3, address == null ? "" : AuthService.sha256(address)).getSingleResult();
        return millis == null ? Optional.empty() : Optional.of(Duration.ofMillis(((Number) millis).longValue()));
    }

    private Duration lock() {
        return Duration.ofMinutes(config.lockMinutes());
    }

    static String accountKey(String username) {
        return AuthService.sha256(username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }
}
