package fi.askel.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Failed sign-in throttling: per account name (existing or not) and per address, counted in the
 * database. Each test signs in from an address of its own (X-Forwarded-For; the tests' loopback is a
 * trusted proxy in the test profile) and moves the service's clock instead of waiting.
 */
@QuarkusTest
class LockoutTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger(1);
    private static final String PROBLEMS = "https://askel.fi/problems/";

    @Inject
    TestClock clock;

    private static String newAddress() {
        return "198.51.100." + ADDRESS.getAndIncrement();
    }

    private static Response attempt(String address, String username, String password) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address).header("Accept-Language", "en")
                .body(Map.of("username", username, "password", password)).post("/api/v1/auth/login");
    }

    /** Ten wrong passwords, far enough apart that the back-off between them has passed. */
    private void failTenTimes(String address, String username) {
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(2));
            attempt(address, username, "wrong-password-" + i).then().statusCode(401)
                    .body("type", equalTo(PROBLEMS + "invalid-credentials"));
        }
    }

    @Test
    void ten_failures_lock_the_account_for_fifteen_minutes_even_with_the_right_password() {
        Api.Account client = Api.create("CLIENT");
        String address = newAddress();
        failTenTimes(address, client.username());
        Response locked = attempt(newAddress(), client.username(), Api.PASSWORD);
        locked.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "too-many-attempts"))
                .body("detail", containsString("15 minutes"));
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter > 14 * 60 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);

        clock.advance(Duration.ofMinutes(14));
        attempt(address, client.username(), Api.PASSWORD).then().statusCode(429);
        clock.advance(Duration.ofMinutes(2));
        attempt(address, client.username(), Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void an_unknown_account_name_is_answered_and_locked_exactly_like_a_real_one() {
        String address = newAddress();
        String nobody = Api.unique("nobody");
        failTenTimes(address, nobody);
        attempt(newAddress(), nobody, Api.PASSWORD).then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("type", equalTo(PROBLEMS + "too-many-attempts"));
    }

    @Test
    void failures_close_together_make_the_next_attempt_wait_longer_each_time() {
        Api.Account client = Api.create("CLIENT");
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            attempt(address, client.username(), "wrong-password-" + i).then().statusCode(401);
        }
        assertEquals("1", attempt(address, client.username(), Api.PASSWORD).then().statusCode(429).extract().header("Retry-After"));
        clock.advance(Duration.ofSeconds(2));
        attempt(address, client.username(), "wrong-password-3").then().statusCode(401);
        assertEquals("2", attempt(address, client.username(), Api.PASSWORD).then().statusCode(429).extract().header("Retry-After"));
        clock.advance(Duration.ofSeconds(3));
        attempt(address, client.username(), Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void a_successful_sign_in_starts_the_account_count_again() {
        Api.Account client = Api.create("CLIENT");
        String address = newAddress();
        for (int i = 0; i < 9; i++) {
            clock.advance(Duration.ofMinutes(2));
            attempt(address, client.username(), "wrong-password-" + i).then().statusCode(401);
        }
        clock.advance(Duration.ofMinutes(2));
        attempt(address, client.username(), Api.PASSWORD).then().statusCode(200);
        attempt(address, client.username(), "wrong-password-x").then().statusCode(401);
        attempt(address, client.username(), Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void one_address_trying_many_accounts_is_locked_while_other_addresses_are_not() {
        Api.Account client = Api.create("CLIENT");
        String address = newAddress();
        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofSeconds(70));
            attempt(address, Api.unique("guess"), "wrong-password").then().statusCode(401);
        }
        attempt(address, client.username(), Api.PASSWORD).then().statusCode(429);
        attempt(newAddress(), client.username(), Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void the_sign_in_page_says_how_long_to_wait() {
        Api.Account client = Api.create("CLIENT");
        String address = newAddress();
        failTenTimes(address, client.username());
        Browser browser = new Browser().language("sv").header("X-Forwarded-For", address);
        browser.get("/login");
        Response page = browser.post("/login", Map.of("username", client.username(), "password", Api.PASSWORD));
        page.then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body(containsString("role=\"alert\"")).body(containsString("Försök igen om 15 minuter"));
    }

    @Test
    void the_owner_sees_failed_attempts_at_the_next_sign_in() {
        Api.Account client = Api.create("CLIENT", "en");
        String address = newAddress();
        attempt(address, client.username(), "wrong-password-1").then().statusCode(401);
        attempt(address, client.username(), "wrong-password-2").then().statusCode(401);
        String token = attempt(address, client.username(), Api.PASSWORD).then().statusCode(200).extract().path("token");
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("failedLoginsSinceLastLogin", hasSize(2))
                .body("failedLoginsSinceLastLogin[0].failed", equalTo("PASSWORD"))
                .body("failedLoginsSinceLastLogin[0].at", org.hamcrest.Matchers.notNullValue());

        attempt(address, client.username(), "wrong-password-3").then().statusCode(401);
        Browser browser = new Browser().language("en");
        browser.get("/login");
        browser.post("/login", Map.of("username", client.username(), "password", Api.PASSWORD, "next", "/modules"))
                .then().statusCode(303).header("Location", containsString("/account/sign-in-notice?next=%2Fmodules"));
        String notice = browser.get("/account/sign-in-notice?next=/modules").then().statusCode(200)
                .body(containsString("Wrong password")).body(containsString("href=\"/modules\"")).extract().asString();
        assertEquals(2, notice.split("<tr><td>").length, "only the attempt since the previous sign-in: " + notice);
        browser.get("/account").then().statusCode(200).body(containsString("Failed sign-in attempts"));

        // A sign-in without failures before it has nothing to tell.
        String quiet = attempt(address, client.username(), Api.PASSWORD).then().statusCode(200).extract().path("token");
        given().auth().oauth2(quiet).get("/api/v1/me").then().body("failedLoginsSinceLastLogin", hasSize(0));
    }
}
