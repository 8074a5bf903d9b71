package fi.askel.support;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Replaces the service's clock in tests (lockouts, reset links, failed sign-ins go by it), so a test
 * can let fifteen minutes pass without waiting. After every test it is back to real time ({@link RealTimeAfterEach}),
 * so a test that moves it, or fails while it is moved, leaves nothing behind for the next.
 */
@Singleton
public class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration by) {
        offset.updateAndGet(d -> d.plus(by));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** Puts the clock back after each {@code @QuarkusTest} method (registered in META-INF/services). */
    public static class RealTimeAfterEach implements QuarkusTestAfterEachCallback {

        @Override
        public void afterEach(QuarkusTestMethodContext context) {
            var container = Arc.container();
            var clock = container == null ? null : container.select(TestClock.class);
            if (clock != null && clock.isResolvable()) {
                clock.get().reset();
            }
        }
    }
}
