package fi.askel.identity;

import fi.askel.common.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asks a signed-in person for their password again before something a stolen session must not do
 * alone (changing the password or the second factor). Wrong answers count like failed sign-ins.
 */
@ApplicationScoped
public class Reauthentication {

    private final LoginThrottle throttle;

    public Reauthentication(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /** Refuses (400 naming {@code field}, or 429) unless {@code password} is the user's current password. */
    public void require(User user, String password, String field, String address) {
        if (password == null || password.isEmpty()) {
            throw ApiException.invalid(field, "password.current.required");
        }
        throttle.check(user.username, address);
        if (!PasswordPolicy.matches(password, user.passwordHash)) {
            throttle.recordFailure(user.username, address, user.id, LoginThrottle.Reason.PASSWORD);
            throw ApiException.invalid(field, "password.current.wrong");
        }
    }
}
