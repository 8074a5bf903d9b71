package fi.askel.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthTest {

    /** On the management port, as in production; the path is under its root, /q. */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @Test
    void readiness_checks_the_database_and_openapi_is_published() {
        given().get(ready).then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
        given().get(live).then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/auth/login"));
    }
}
