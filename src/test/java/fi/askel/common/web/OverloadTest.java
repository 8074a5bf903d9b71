package fi.askel.common.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When every database connection is busy, a request waits at most the acquisition timeout and is then
 * answered 503 with Retry-After: problem+json under /api, the friendly page in the person's language
 * elsewhere; never a 500, and a browser sign-in is not ended by it. The profile shrinks the pool to two
 * connections; the test holds both connections itself.
 */
@QuarkusTest
@TestProfile(SmallCapacity.class)
class OverloadTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_full_pool_answers_503_with_retry_after_to_the_api_and_to_pages() throws Exception {
        Api.Account client = Api.create("CLIENT", "sv");
        String refresh = Api.loginResponse(client.username(), Api.PASSWORD).then().statusCode(200)
                .extract().path("refreshToken");
        // Everything works while connections are free.
        client.as().get("/api/v1/me").then().statusCode(200);

        List<Connection> held = new ArrayList<>();
        var pool = dataSource.getConfiguration().connectionPoolConfiguration();
        Duration startUpTimeout = pool.acquisitionTimeout();
        try {
            for (int i = 0; i < 2; i++) {
                held.add(dataSource.getConnection());
            }
            // Start-up is past, so the four requests below need not wait 3 s each: the pool reads its timeout per wait.
            pool.setAcquisitionTimeout(Duration.ofSeconds(1));
            long began = System.nanoTime();
            client.as().get("/api/v1/me").then().statusCode(503).header("Retry-After", "7")
                    .contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(503)).body("type", equalTo("https://askel.fi/problems/busy"));
            long waitedMs = (System.nanoTime() - began) / 1_000_000;
            assertTrue(waitedMs >= 950 && waitedMs < 15_000, "waited the acquisition timeout, not forever: " + waitedMs + " ms");

            // Anonymous calls that need the database: the same answer.
            given().contentType(ContentType.JSON).body(Map.of("username", client.username(), "password", Api.PASSWORD))
                    .post("/api/v1/auth/login").then().statusCode(503).header("Retry-After", "7");

            // A page, signed in with the browser's cookies: the friendly page in the person's language, and the
            // sign-in is kept (no cookie cleared, no redirect to the login page).
            given().redirects().follow(false).cookie("askel_token", client.token()).cookie("askel_refresh", refresh)
                    .header("Accept-Language", "sv").get("/")
                    .then().statusCode(503).header("Retry-After", "7").contentType(startsWith("text/html"))
                    .body(containsString("Tjänsten är överbelastad just nu"))
                    .header("Set-Cookie", not(containsString("askel_token=;")));
            given().redirects().follow(false).cookie("askel_token", client.token()).header("Accept-Language", "en")
                    .get("/").then().statusCode(503).body(containsString("The service is busy right now"));
        } finally {
            pool.setAcquisitionTimeout(startUpTimeout);
            for (Connection c : held) {
                c.close();
            }
        }
        // Once connections are free again, the same sign-ins still work.
        client.as().get("/api/v1/me").then().statusCode(200);
        given().redirects().follow(false).cookie("askel_token", client.token()).get("/")
                .then().statusCode(200).time(lessThan(5_000L));
    }
}
