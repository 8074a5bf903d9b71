package fi.askel.identity;

import java.time.Instant;

/** What a successful sign-in returns. {@code refreshToken} gets a new token from /api/v1/auth/refresh. */
public record LoginResponse(String token, Instant expiresAt, String refreshToken, Instant sessionExpiresAt,
        SignedInUser user, boolean mfaEnrolmentRequired, boolean passwordChangeRequired) {

    public record SignedInUser(Long id, String username, String displayName, Role role, String locale) {}

    static LoginResponse from(AuthService.Tokens t) {
        return new LoginResponse(t.token(), t.expiresAt(), t.refreshToken(), t.sessionExpiresAt(),
                new SignedInUser(t.user().id, t.user().username, t.user().displayName, t.user().role, t.user().locale),
                t.enrolmentRequired(), t.passwordChangeRequired());
    }
}
