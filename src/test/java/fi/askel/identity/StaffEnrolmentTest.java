package fi.askel.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Staff must enrol a second factor before anything else; pages walk them through it. */
@QuarkusTest
class StaffEnrolmentTest {

    /** A specialist account as an admin makes it, not yet signed in (so not enrolled). */
    private static String newSpecialist() {
        String username = Api.unique("spec");
        Api.admin().as().body(Map.of("username", username, "displayName", "Test " + username, "role", "SPECIALIST",
                "locale", "en", "password", Api.PASSWORD)).post("/api/v1/users").then().statusCode(201);
        return username;
    }

    @Test
    void staff_without_a_second_factor_can_reach_nothing_but_enrolment_through_the_api() {
        String username = newSpecialist();
        var json = given().contentType(ContentType.JSON).body(Map.of("username", username, "password", Api.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200).body("mfaEnrolmentRequired", equalTo(true))
                .extract().jsonPath();
        String token = json.getString("token");
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).body("mfaEnrolmentRequired", equalTo(true))
                .body("totpEnabled", equalTo(false));
        for (String path : new String[] {"/api/v1/users", "/api/v1/clients", "/api/v1/groups", "/api/v1/reviews?status=PENDING",
                "/api/v1/modules", "/api/v1/assignments"}) {
            given().auth().oauth2(token).get(path).then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://askel.fi/problems/mfa-enrolment-required"));
        }
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("locale", "fi")).put("/api/v1/me/locale")
                .then().statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("username", Api.unique("c"),
                "displayName", "X", "role", "CLIENT", "password", Api.PASSWORD)).post("/api/v1/users").then().statusCode(403);

        Api.enrolTotp(username, token);
        // The same sign-in now has the specialist's rights; no second sign-in is needed.
        given().auth().oauth2(token).get("/api/v1/clients").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/me").then().body("mfaEnrolmentRequired", equalTo(false));
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", Api.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(401).body("type", equalTo("https://askel.fi/problems/totp-required"));
    }

    /** Found by the signalling bench: two staff confirming at once deadlocked on the recovery codes' index (500). */
    @Test
    void staff_enrolling_at_the_same_moment_all_get_their_recovery_codes() throws Exception {
        int people = 8;
        List<String[]> pending = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            String username = newSpecialist();
            String token = given().contentType(ContentType.JSON).body(Map.of("username", username, "password", Api.PASSWORD))
                    .post("/api/v1/auth/login").then().statusCode(200).extract().path("token");
            String secret = given().auth().oauth2(token).contentType(ContentType.JSON).post("/api/v1/me/mfa/totp")
                    .then().statusCode(200).extract().path("secret");
            Api.rememberTotp(username, secret);
            pending.add(new String[] {username, token});
        }
        ExecutorService pool = Executors.newFixedThreadPool(people);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String[] p : pending) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return given().auth().oauth2(p[1]).contentType(ContentType.JSON).body(Map.of("code", Api.totp(p[0])))
                            .post("/api/v1/me/mfa/totp/confirm").then().extract().statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        for (String[] p : pending) {
            given().auth().oauth2(p[1]).get("/api/v1/me").then().statusCode(200).body("totpEnabled", equalTo(true));
        }
    }

    @Test
    void pages_send_staff_to_enrolment_and_the_enrolment_page_sets_it_up() {
        String username = newSpecialist();
        Browser browser = new Browser();
        browser.get("/login");
        browser.post("/login", Map.of("username", username, "password", Api.PASSWORD, "next", "/clients"))
                .then().statusCode(303).header("Location", containsString("/account/two-factor"));
        for (String path : new String[] {"/", "/clients", "/users", "/account", "/groups"}) {
            browser.get(path).then().statusCode(303).header("Location", containsString("/account/two-factor"));
        }
        Response page = browser.get("/account/two-factor");
        page.then().statusCode(200).header("Cache-Control", containsString("no-store"))
                .body(containsString("src=\"/account/two-factor/qr.svg\""))
                .body(containsString("autocomplete=\"one-time-code\"")).body(containsString("inputmode=\"numeric\""))
                .body(not(containsString("style=")));
        Matcher key = Pattern.compile("<code lang=\"en\">([A-Z2-7 ]+)</code>").matcher(page.asString());
        assertTrue(key.find(), "the manual key is shown");
        String secret = key.group(1).replace(" ", "");
        assertTrue(key.group(1).contains(" "), "the key is grouped for reading");
        // Reloading the page shows the same key (the app may already have it).
        assertTrue(browser.get("/account/two-factor").asString().contains(key.group(1)));

        Response qr = browser.get("/account/two-factor/qr.svg");
        qr.then().statusCode(200).contentType(containsString("image/svg+xml")).header("Cache-Control", containsString("no-store"));
        assertTrue(qr.asString().startsWith("<svg"));
        assertFalse(qr.asString().contains("style="));

        browser.post("/account/two-factor/confirm", Map.of("code", "000000")).then().statusCode(400)
                .body(containsString("aria-invalid=\"true\""));
        Api.rememberTotp(username, secret);
        String codes = browser.post("/account/two-factor/confirm", Map.of("code", Api.totp(username), "next", "/clients"))
                .then().statusCode(200).body(containsString("href=\"/clients\"")).extract().asString();
        Matcher recovery = Pattern.compile("<li><code>([a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4})</code></li>").matcher(codes);
        int count = 0;
        while (recovery.find()) {
            count++;
        }
        assertEquals(10, count);
        browser.get("/clients").then().statusCode(200);
        browser.get("/account/two-factor/qr.svg").then().statusCode(404);
    }

    @Test
    void the_sign_in_page_asks_for_the_code_without_the_password_again() {
        Api.Account specialist = Api.create("SPECIALIST");
        Browser browser = new Browser().language("en");
        browser.get("/login");
        String step2 = browser.post("/login", Map.of("username", specialist.username(), "password", Api.PASSWORD,
                "next", "/clients")).then().statusCode(200)
                .body(containsString("autocomplete=\"one-time-code\"")).body(containsString("inputmode=\"numeric\""))
                .body(containsString("name=\"csrf-token\"")).body(not(containsString("type=\"password\"")))
                .extract().asString();
        assertTrue(step2.contains("Recovery code"));
        assertFalse(browser.cookies.containsKey(fi.askel.identity.SessionCookies.TOKEN), "not signed in yet");
        browser.post("/login/code", Map.of("code", "000000", "next", "/clients")).then().statusCode(401)
                .body(containsString("role=\"alert\""));
        browser.post("/login/code", Map.of("code", Api.totp(specialist.username()), "next", "/clients"))
                .then().statusCode(303)
                // The wrong code a moment ago was a failed attempt on the account: the owner is told first.
                .header("Location", containsString("/account/sign-in-notice?next=%2Fclients"));
        browser.get("/clients").then().statusCode(200);
        // Signing in clears the proof of step one: the code step cannot simply be repeated.
        browser.post("/login/code", Map.of("code", Api.totp(specialist.username()))).then().statusCode(401);
    }

    @Test
    void a_forged_or_missing_step_one_proof_gets_no_sign_in() {
        Api.Account specialist = Api.create("SPECIALIST");
        Browser browser = new Browser();
        browser.get("/login");
        browser.cookies.put("askel_login_step", specialist.id() + "." + (System.currentTimeMillis() / 1000 + 200) + ".forged");
        browser.post("/login/code", Map.of("code", Api.totp(specialist.username()))).then().statusCode(401);
        assertFalse(browser.cookies.containsKey(fi.askel.identity.SessionCookies.TOKEN));
    }
}
