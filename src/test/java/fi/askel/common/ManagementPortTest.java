package fi.askel.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * As in production (%prod.quarkus.management.enabled, and %test too): health and metrics answer on the management
 * port only, for load balancers and monitoring on a private interface; the API description stays with the API.
 */
@QuarkusTest
class ManagementPortTest {

    /** Under the management interface's root, /q, on its own free port (%test.quarkus.management.test-port=0). */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

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
