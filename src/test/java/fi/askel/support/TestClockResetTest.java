package fi.askel.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A test that moves the clock and does not put it back leaves real time to the next test all the same. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestClockResetTest {

    @Inject
    Clock serviceClock;

    @Inject
    TestClock clock;

    @Test
    @Order(1)
    void a_test_moves_the_clock_a_year_ahead_and_leaves_it() {
        clock.advance(Duration.ofDays(365));
        assertTrue(serviceClock.instant().isAfter(Instant.now().plus(Duration.ofDays(364))), "the service sees the moved clock");
    }

    @Test
    @Order(2)
    void the_next_test_finds_real_time() {
        Duration drift = Duration.between(Instant.now(), serviceClock.instant()).abs();
        assertTrue(drift.compareTo(Duration.ofSeconds(5)) < 0, "clock is " + drift + " off real time");
    }
}
