package fi.askel.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * As in production (%prod.quarkus.management.enabled): health and metrics answer on the management port
 * only, for load balancers and monitoring on a private interface; the API description stays with the API.
 */
@QuarkusTest
@TestProfile(ManagementPortTest.Management.class)
class ManagementPortTest {

    /**
     * A free port of its own, so that the test does not meet another service's 9001; kept in a system property
     * because the profile and the test instance may be loaded by different class loaders.
     */
    static final int PORT = Integer.parseInt(System.getProperties()
            .computeIfAbsent("askel.test.management-port", k -> String.valueOf(freePort())).toString());

    public static class Management implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.management.enabled", "true", "quarkus.management.test-port", String.valueOf(PORT));
        }
    }

    final String ready = "http://localhost:" + PORT + "/q/health/ready";
    final String metrics = "http://localhost:" + PORT + "/q/metrics";

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void health_and_metrics_are_on_the_management_port_and_not_on_the_public_one() {
        given().get(ready).then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
        given().get(metrics).then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"), containsString("agroal_active_count"));
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/auth/login"));
    }
}
