package fi.askel.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Small fixtures for tests: accounts made through the API as a real admin would, and requests
 * signed in as them. Every name is unique, so tests never depend on each other's data or order.
 */
public final class Api {

    public static final String ADMIN = "test-admin";
    public static final String ADMIN_PASSWORD = "Bootstrap-secret-2026!";
    public static final String PASSWORD = "Correct-horse-battery-42";
    private static final AtomicInteger SEQ = new AtomicInteger();

    public record Account(long id, String username, String role, String token) {
        public RequestSpecification as() {
            return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
        }
    }

    private Api() {}

    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
    }

    public static String login(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/login")
                .then().statusCode(200).extract().path("token");
    }

    public static Account admin() {
        String token = login(ADMIN, ADMIN_PASSWORD);
        long id = given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).extract().jsonPath().getLong("id");
        return new Account(id, ADMIN, "ADMIN", token);
    }

    public static Account create(String role) {
        return create(role, "fi");
    }

    public static Account create(String role, String locale) {
        String username = unique(role.toLowerCase());
        long id = admin().as()
                .body(Map.of("username", username, "displayName", "Test " + username, "role", role,
                        "locale", locale, "password", PASSWORD, "email", username + "@example.org"))
                .post("/api/v1/users")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Account account = new Account(id, username, role, login(username, PASSWORD));
        if ("CLIENT".equals(role)) {
            acknowledge(account);
        }
        return account;
    }

    /** What a client does first: reads the current privacy notice and acknowledges it (consenting to remote rehabilitation). */
    public static void acknowledge(Account client) {
        int version = client.as().get("/api/v1/me/privacy").then().statusCode(200).extract().jsonPath().getInt("currentVersion");
        client.as().body(Map.of("version", version, "remoteRehabConsent", true))
                .post("/api/v1/me/privacy/acknowledge").then().statusCode(200);
    }
}
