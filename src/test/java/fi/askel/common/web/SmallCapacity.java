package fi.askel.common.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The overload tests' service: one request at a time (AdmissionGateTest) and two database connections
 * (OverloadTest). One profile for both, so the suite builds and starts one service for them instead of two.
 * They do not get in each other's way: the request AdmissionGateTest holds never reaches the database and the
 * ones it lets wait are served one by one, so two connections are enough; OverloadTest sends one request at a
 * time, so the single place only lines them up.
 */
public class SmallCapacity implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // The production wait for a connection (3 s): shorter, a busy test machine's start-up (Flyway) may not get one.
        return Map.of("askel.http.concurrent-requests", "1", "askel.http.admission-wait", "2s",
                "quarkus.datasource.jdbc.max-size", "2", "quarkus.datasource.jdbc.min-size", "0",
                "quarkus.datasource.jdbc.acquisition-timeout", "3S", "askel.http.busy-retry-after-seconds", "7");
    }
}
