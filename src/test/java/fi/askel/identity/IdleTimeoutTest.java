package fi.askel.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A sign-in nobody uses ends: after 30 minutes for staff and 60 for clients (askel.auth.idle.*). Being idle
 * is simulated by moving the session's recorded last activity back in the real database. A refresh does not
 * bring an idle sign-in back, "stay signed in" counts as activity, and activity is written once a minute.
 */
@QuarkusTest
class IdleTimeoutTest {

    @Inject
    EntityManager em;

    @Test
    void a_staff_sign_in_ends_after_thirty_idle_minutes_and_refresh_does_not_renew_it() {
        Api.Account specialist = Api.create("SPECIALIST");
        JsonPath signIn = Api.loginResponse(specialist.username(), Api.PASSWORD).then().statusCode(200).extract().jsonPath();
        String token = signIn.getString("token");
        String refresh = signIn.getString("refreshToken");
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);

        idleFor(specialist.id(), Duration.ofMinutes(29));
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);

        idleFor(specialist.id(), Duration.ofMinutes(31));
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh)).post("/api/v1/auth/refresh")
                .then().statusCode(401).body("type", containsString("session-ended"));
    }

    @Test
    void refreshing_alone_is_not_activity() {
        Api.Account specialist = Api.create("SPECIALIST");
        JsonPath signIn = Api.loginResponse(specialist.username(), Api.PASSWORD).then().statusCode(200).extract().jsonPath();
        idleFor(specialist.id(), Duration.ofMinutes(31));
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", signIn.getString("refreshToken")))
                .post("/api/v1/auth/refresh").then().statusCode(401);
    }

    @Test
    void a_client_has_an_hour() {
        Api.Account client = Api.create("CLIENT");
        idleFor(client.id(), Duration.ofMinutes(45));
        client.as().get("/api/v1/me").then().statusCode(200);
        idleFor(client.id(), Duration.ofMinutes(61));
        client.as().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void activity_is_written_at_most_once_a_minute_and_stay_signed_in_counts() {
        Api.Account client = Api.create("CLIENT");
        Instant before = lastUsed(client.id());
        client.as().get("/api/v1/me").then().statusCode(200);
        client.as().get("/api/v1/me").then().statusCode(200);
        assertEquals(before, lastUsed(client.id()), "no write within the minute");

        idleFor(client.id(), Duration.ofMinutes(2));
        Instant idle = lastUsed(client.id());
        client.as().get("/api/v1/me").then().statusCode(200);
        assertTrue(lastUsed(client.id()).isAfter(idle.plusSeconds(100)), "a request after a minute is activity");

        idleFor(client.id(), Duration.ofMinutes(50));
        long seconds = client.as().post("/api/v1/auth/keep-alive").then().statusCode(200).extract().jsonPath().getLong("idleSeconds");
        assertTrue(seconds > 59 * 60 && seconds <= 60 * 60, "a fresh hour: " + seconds);
    }

    @Test
    void pages_carry_the_time_left_and_the_warning_texts_in_the_persons_language() {
        Api.Account specialist = Api.create("SPECIALIST");
        Browser browser = new Browser().signIn(specialist.username(), Api.PASSWORD);
        String page = browser.get("/").then().statusCode(200).extract().asString();
        Matcher left = Pattern.compile("data-idle-seconds=\"(\\d+)\"").matcher(page);
        assertTrue(left.find(), "the page says when the sign-in ends");
        long seconds = Long.parseLong(left.group(1));
        assertTrue(seconds > 28 * 60 && seconds <= 30 * 60, "staff: 30 minutes, got " + seconds);
        assertTrue(page.contains("/static/idle.js") && page.contains("Pysy kirjautuneena"), "warning with its Finnish button");

        // The cookie sign-in ends too once idle: the next page asks to sign in again.
        idleFor(specialist.id(), Duration.ofMinutes(31));
        browser.get("/").then().statusCode(303).header("Location", containsString("/login"));
        // The browser's refresh cookie did not renew it.
        browser.get("/").then().statusCode(303);
        given().get("/static/idle.js").then().statusCode(200).body(containsString("keep-alive"));
    }

    private void idleFor(long userId, Duration idle) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE auth_session SET last_used_at = ?1 WHERE user_id = ?2 AND revoked_at IS NULL")
                .setParameter(1, Timestamp.from(Instant.now().minus(idle))).setParameter(2, userId).executeUpdate());
    }

    private Instant lastUsed(long userId) {
        Object value = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT MAX(last_used_at) FROM auth_session WHERE user_id = ?1 AND revoked_at IS NULL")
                .setParameter(1, userId).getSingleResult());
        assertNotNull(value);
        return value instanceof Timestamp t ? t.toInstant() : value instanceof java.time.LocalDateTime l
                ? l.toInstant(java.time.ZoneOffset.UTC) : Instant.parse(value.toString());
    }
}
