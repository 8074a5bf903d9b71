package fi.askel.identity;

import static io.restassured.RestAssured.given;

import fi.askel.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each refresh token works once. One presented again means it was copied: whoever holds the newer one
 * (the thief or the person) is signed out too, so the sign-in ends. Except when one browser's two requests
 * race to refresh with the same cookie within seconds: the later one is refused, the sign-in lives on.
 */
@QuarkusTest
class RefreshReuseTest {

    @Inject
    EntityManager em;

    @Test
    void reusing_a_spent_refresh_token_ends_the_sign_in() {
        Api.Account client = Api.create("CLIENT");
        JsonPath first = Api.loginResponse(client.username(), Api.PASSWORD).then().statusCode(200).extract().jsonPath();
        JsonPath second = refresh(first.getString("refreshToken")).then().statusCode(200).extract().jsonPath();
        given().auth().oauth2(second.getString("token")).get("/api/v1/me").then().statusCode(200);
        refreshedSecondsAgo(client.id(), 60);

        refresh(first.getString("refreshToken")).then().statusCode(401).contentType("application/problem+json");

        // The sign-in is over for everyone holding any of its tokens.
        given().auth().oauth2(second.getString("token")).get("/api/v1/me").then().statusCode(401);
        refresh(second.getString("refreshToken")).then().statusCode(401);
        // Other sign-ins of the same person are not touched.
        client.as().get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void two_requests_racing_to_refresh_do_not_end_the_sign_in() {
        Api.Account client = Api.create("CLIENT");
        JsonPath first = Api.loginResponse(client.username(), Api.PASSWORD).then().statusCode(200).extract().jsonPath();
        JsonPath second = refresh(first.getString("refreshToken")).then().statusCode(200).extract().jsonPath();
        refresh(first.getString("refreshToken")).then().statusCode(401);
        given().auth().oauth2(second.getString("token")).get("/api/v1/me").then().statusCode(200);
        refresh(second.getString("refreshToken")).then().statusCode(200);
    }

    @Test
    void an_unknown_refresh_token_is_refused_and_ends_nothing() {
        Api.Account client = Api.create("CLIENT");
        refresh("made-up-" + System.nanoTime()).then().statusCode(401).contentType("application/problem+json");
        client.as().get("/api/v1/me").then().statusCode(200);
    }

    private static Response refresh(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", token)).post("/api/v1/auth/refresh");
    }

    private void refreshedSecondsAgo(long userId, int seconds) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE auth_session SET refreshed_at = ?1 WHERE user_id = ?2 AND refreshed_at IS NOT NULL")
                .setParameter(1, Timestamp.from(Instant.now().minusSeconds(seconds))).setParameter(2, userId).executeUpdate());
    }
}
