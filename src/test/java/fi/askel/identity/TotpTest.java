package fi.askel.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.TestClock;
import fi.askel.support.TotpCodes;
import jakarta.inject.Inject;
import java.time.Duration;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TOTP second factor through the API: enrolment, sign-in with computed codes, replays, recovery codes. */
@QuarkusTest
class TotpTest {

    @Inject
    TestClock clock;

    @Inject
    TotpService totpService;

    static final String PROBLEMS = "https://askel.fi/problems/";

    static Response login(String username, String password, String totp) {
        Map<String, String> body = new HashMap<>(Map.of("username", username, "password", password));
        if (totp != null) {
            body.put("totp", totp);
        }
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", "192.0.2." + (username.hashCode() & 0x7f))
                .body(body).post("/api/v1/auth/login");
    }

    @Test
    void client_enrols_an_app_and_then_signs_in_with_its_codes() {
        Api.Account client = Api.create("CLIENT");
        var start = client.as().post("/api/v1/me/mfa/totp").then().statusCode(200)
                .body("otpauthUri", containsString("otpauth://totp/Askel:" + client.username()))
                .body("otpauthUri", containsString("issuer=Askel")).extract().jsonPath();
        String secret = start.getString("secret");
        assertTrue(start.getString("otpauthUri").contains("secret=" + secret));
        // Before confirmation, the password alone still signs in.
        login(client.username(), Api.PASSWORD, null).then().statusCode(200);
        client.as().body(Map.of("code", "000000"))
                .post("/api/v1/me/mfa/totp/confirm").then().statusCode(400).body("violations[0].field", equalTo("code"));
        Api.rememberTotp(client.username(), secret);
        List<String> codes = client.as().body(Map.of("code", Api.totp(client.username())))
                .post("/api/v1/me/mfa/totp/confirm").then().statusCode(200).extract().jsonPath().getList("recoveryCodes");
        assertEquals(10, codes.size());
        assertEquals(10, codes.stream().distinct().count());

        login(client.username(), Api.PASSWORD, null).then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "totp-required"))
                .body("token", equalTo(null));
        login(client.username(), Api.PASSWORD, "12345").then().statusCode(401).body("type", equalTo(PROBLEMS + "totp-invalid"));
        String token = login(client.username(), Api.PASSWORD, Api.totp(client.username())).then().statusCode(200)
                .extract().path("token");
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).body("totpEnabled", equalTo(true));
        // The secret is never shown again: starting over needs the password and gives a new one.
        given().auth().oauth2(token).contentType(ContentType.JSON).post("/api/v1/me/mfa/totp").then().statusCode(400)
                .body("violations[0].field", equalTo("password"));
        given().auth().oauth2(token).get("/api/v1/me/mfa").then().statusCode(200)
                .body("enabled", equalTo(true)).body("recoveryCodesLeft", equalTo(10)).body(not(containsString(secret)));
    }

    @Test
    void a_code_works_once_and_an_older_step_after_a_newer_one_not_at_all() {
        Api.Account client = Api.create("CLIENT");
        Api.enrolTotp(client.username(), client.token());
        String secret = Api.totpSecret(client.username());
        long now = TotpCodes.step(Instant.now());
        // Take the next step first (within the ±1 tolerance), then try it again and the current one.
        TotpCodes.used(client.username(), now + 1);
        login(client.username(), Api.PASSWORD, TotpCodes.code(secret, now + 1)).then().statusCode(200);
        login(client.username(), Api.PASSWORD, TotpCodes.code(secret, now + 1)).then().statusCode(401)
                .body("type", equalTo(PROBLEMS + "totp-invalid"));
        login(client.username(), Api.PASSWORD, TotpCodes.code(secret, now)).then().statusCode(401)
                .body("type", equalTo(PROBLEMS + "totp-invalid"));
        // Codes far from now never work.
        login(client.username(), Api.PASSWORD, TotpCodes.code(secret, now + 5)).then().statusCode(401);
    }

    @Test
    void a_recovery_code_works_once_and_new_codes_replace_the_old() {
        Api.Account client = Api.create("CLIENT");
        List<String> codes = Api.enrolTotp(client.username(), client.token());
        login(client.username(), Api.PASSWORD, codes.get(0).toUpperCase().replace("-", " ")).then().statusCode(200);
        login(client.username(), Api.PASSWORD, codes.get(0)).then().statusCode(401).body("type", equalTo(PROBLEMS + "totp-invalid"));
        client.as().get("/api/v1/me/mfa").then().body("recoveryCodesLeft", equalTo(9));

        client.as().body(Map.of("password", "wrong-password-123")).post("/api/v1/me/mfa/recovery-codes").then().statusCode(400);
        List<String> fresh = client.as().body(Map.of("password", Api.PASSWORD)).post("/api/v1/me/mfa/recovery-codes")
                .then().statusCode(200).body("recoveryCodes", hasSize(10)).extract().jsonPath().getList("recoveryCodes");
        login(client.username(), Api.PASSWORD, codes.get(1)).then().statusCode(401);
        clock.advance(Duration.ofSeconds(5)); // three failures in a row: the next attempt waits a second
        login(client.username(), Api.PASSWORD, fresh.get(0)).then().statusCode(200);
    }

    @Test
    void without_the_password_nobody_learns_whether_the_account_has_a_second_factor() {
        Api.Account withTotp = Api.create("CLIENT");
        Api.enrolTotp(withTotp.username(), withTotp.token());
        Api.Account without = Api.create("CLIENT");
        for (String username : List.of(withTotp.username(), without.username(), "nobody-" + without.username())) {
            login(username, "wrong-password-123", null).then().statusCode(401)
                    .body("type", equalTo(PROBLEMS + "invalid-credentials"));
            login(username, "wrong-password-123", "123456").then().statusCode(401)
                    .body("type", equalTo(PROBLEMS + "invalid-credentials"));
        }
    }

    @Test
    void a_client_may_turn_the_second_factor_off_with_the_password_but_staff_may_not() {
        Api.Account client = Api.create("CLIENT");
        Api.enrolTotp(client.username(), client.token());
        client.as().body(Map.of("password", "wrong-password-123")).post("/api/v1/me/mfa/totp/disable").then().statusCode(400)
                .body("violations[0].field", equalTo("password"));
        client.as().body(Map.of("password", Api.PASSWORD)).post("/api/v1/me/mfa/totp/disable").then().statusCode(204);
        Api.rememberTotp(client.username(), null);
        login(client.username(), Api.PASSWORD, null).then().statusCode(200);

        Api.Account specialist = Api.create("SPECIALIST");
        specialist.as().body(Map.of("password", Api.PASSWORD)).post("/api/v1/me/mfa/totp/disable").then().statusCode(403);
        login(specialist.username(), Api.PASSWORD, null).then().statusCode(401).body("type", equalTo(PROBLEMS + "totp-required"));
    }

    @Test
    void a_new_phone_replaces_the_secret_only_once_confirmed() {
        Api.Account client = Api.create("CLIENT");
        // The old phone is set up directly, not enrolled through the API: what follows needs three steps in a row (old
        // sign-in, new confirmation, old refused and new accepted in an unused step), and an enrolment before them made
        // four, one more than the service accepts at once, so the test waited up to 30 s for the clock to move on.
        String old = Totp.newSecret();
        QuarkusTransaction.requiringNew().run(() -> totpService.enrolKnownSecret(User.findById(client.id()), old));
        Api.rememberTotp(client.username(), old);
        String fresh = client.as().body(Map.of("password", Api.PASSWORD)).post("/api/v1/me/mfa/totp").then().statusCode(200)
                .extract().path("secret");
        assertTrue(!fresh.equals(old));
        login(client.username(), Api.PASSWORD, Api.totp(client.username())).then().statusCode(200);
        Api.rememberTotp(client.username(), fresh);
        client.as().body(Map.of("code", Api.totp(client.username()))).post("/api/v1/me/mfa/totp/confirm").then().statusCode(200);
        // The same fresh time step: the old app's code is refused, the new app's accepted.
        Api.rememberTotp(client.username(), old);
        String oldCode = Api.totp(client.username());
        long step = TotpCodes.lastStep(client.username());
        login(client.username(), Api.PASSWORD, oldCode).then().statusCode(401);
        login(client.username(), Api.PASSWORD, TotpCodes.code(fresh, step)).then().statusCode(200);
        Api.rememberTotp(client.username(), fresh);
    }
}
