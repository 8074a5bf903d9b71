package fi.askel.identity;

import fi.askel.common.SharedSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Between the sign-in page's two steps: proof that the password was right a moment ago, so the code
 * step does not ask for it again. A signed value (user, expiry, and the password hash it was made
 * against) in an HttpOnly cookie: any instance can check it, and it dies with a password change.
 */
@ApplicationScoped
public class LoginChallenge {

    static final String SECRET = "login-challenge";
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final SharedSecrets secrets;
    private final Clock clock;

    public LoginChallenge(SharedSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    public String issue(User user) {
        String payload = user.id + "." + clock.instant().plus(LIFETIME).getEpochSecond();
        return payload + "." + secrets.sign(SECRET, payload + "." + user.passwordHash);
    }

    /** The user the challenge was made for, while it is unexpired and the password unchanged. */
    @Transactional
    public Optional<User> verify(String value) {
        String[] parts = value == null ? new String[0] : value.split("\\.");
        if (parts.length != 3 || !parts[0].matches("[0-9]{1,18}") || !parts[1].matches("[0-9]{1,12}")) {
            return Optional.empty();
        }
        if (Long.parseLong(parts[1]) < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return User.<User>findByIdOptional(Long.parseLong(parts[0]))
                .filter(u -> u.active && secrets.verify(SECRET, parts[0] + "." + parts[1] + "." + u.passwordHash, parts[2]));
    }
}
