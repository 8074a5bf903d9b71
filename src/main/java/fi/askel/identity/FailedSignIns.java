package fi.askel.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * What the account owner is told at sign-in: failed attempts on their account between their previous
 * sign-in and this one (the times, and whether the password or the second factor was wrong).
 */
@ApplicationScoped
public class FailedSignIns {

    public record Attempt(Instant at, String failed) {}

    @Transactional
    public List<Attempt> sinceLastSignIn(Long userId, String sessionId) {
        AuthSession current = sessionId == null ? null : AuthSession.findById(sessionId);
        if (current == null || !current.userId.equals(userId)) {
            return List.of();
        }
        Instant previous = AuthSession.previousSignIn(userId, current.createdAt);
        return LoginFailure.listBetween(userId, previous, current.createdAt).stream()
                .map(f -> new Attempt(f.attemptedAt, f.reason)).toList();
    }
}
