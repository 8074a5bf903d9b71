package fi.askel.identity;

import fi.askel.common.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often one sign-in, or one reset link, may ask the strength meter: {@value #PER_MINUTE} times a minute, on
 * each instance. The page asks once per pause in typing, far below that; a script asking in a loop gets 429
 * instead of the service's time (a long password costs zxcvbn tens of milliseconds). Nothing is stored but a
 * count per key for the current minute.
 */
@ApplicationScoped
class StrengthCheckLimit {

    static final int PER_MINUTE = 60;
    /** Past this many keys, the windows of earlier minutes are dropped. */
    private static final int PRUNE_AT = 10_000;

    private final ConcurrentHashMap<String, long[]> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    StrengthCheckLimit(Clock clock) {
        this.clock = clock;
    }

    /** Counts one check for {@code key}; past the limit, 429. */
    void take(String key) {
        long minute = clock.millis() / 60_000;
        long[] window = windows.compute(key, (k, old) -> old == null || old[0] != minute
                ? new long[] {minute, 1} : new long[] {minute, old[1] + 1});
        if (windows.size() > PRUNE_AT) {
            windows.values().removeIf(w -> w[0] != minute);
        }
        if (window[1] > PER_MINUTE) {
            throw new ApiException(429, "too-many-checks", "password.meter.too-many", List.of());
        }
    }
}
