package fi.askel.identity;

import java.time.Instant;
import java.util.List;

/**
 * The signed-in user as GET /api/v1/me shows them: the account, the state of the second factor, and
 * the failed sign-ins on the account since the previous sign-in.
 */
public record MeView(Long id, String username, String displayName, Role role, String locale, String email,
        boolean active, Instant createdAt, boolean totpEnabled, boolean mfaEnrolmentRequired,
        List<FailedSignIns.Attempt> failedLoginsSinceLastLogin, boolean passwordChangeRequired) {

    static MeView of(User u, boolean totpEnabled, boolean enrolmentRequired, List<FailedSignIns.Attempt> failures,
            boolean passwordChangeRequired) {
        return new MeView(u.id, u.username, u.displayName, u.role, u.locale, u.email, u.active, u.createdAt, totpEnabled,
                enrolmentRequired, failures, passwordChangeRequired);
    }
}
