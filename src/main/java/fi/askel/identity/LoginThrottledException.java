package fi.askel.identity;

import java.time.Duration;

/** Too many failed sign-ins: 429 with Retry-After, on the API and on the sign-in page alike. */
public class LoginThrottledException extends RuntimeException {

    private final long retryAfterSeconds;

    public LoginThrottledException(Duration wait) {
        super("Too many failed sign-ins");
        this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
