package fi.askel.identity;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The clock that lockouts, reset links and failed sign-in notices go by; tests replace it to move time. */
public class Clocks {

    @Produces
    @DefaultBean
    @Singleton
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
