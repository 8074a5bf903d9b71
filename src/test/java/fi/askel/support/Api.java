package fi.askel.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Small fixtures for tests: accounts made through the API as a real admin would, and requests
 * signed in as them. Every name is unique, so tests never depend on each other's data or order.
 *
 * <p>Staff need a second factor: a staff account signing in for the first time enrols one through the
 * API, as a person would on the enrolment page, and its secret is remembered here so later sign-ins
 * (API or {@link Browser#signIn}) can compute codes. The bootstrap admin is signed in once per run.
 */
public final class Api {

    public static final String ADMIN = "test-admin";
    public static final String ADMIN_PASSWORD = "Bootstrap-secret-2026!";
    public static final String PASSWORD = "Correct-horse-battery-42";
    /** The demo staff accounts' published secret (askel.demo=true). */
    public static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP";
    private static final AtomicInteger SEQ = new AtomicInteger();
    /**
     * Secrets and the admin's sign-in live in system properties: Quarkus loads test classes again when a
     * test profile restarts the service, and the accounts (in the database) outlive that.
     */
    private static final String SECRET_PREFIX = "askel.test.totp-secret.";
    private static final String RECOVERY_PREFIX = "askel.test.totp-recovery.";
    private static final String ADMIN_TOKEN = "askel.test.admin-token";
    private static final String ADMIN_ID = "askel.test.admin-id";

    public record Account(long id, String username, String role, String token) {
        public RequestSpecification as() {
            return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
        }
    }

    private Api() {}

    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
    }

    /** The TOTP secret this account enrolled in the tests (null if none). */
    public static String totpSecret(String username) {
        if (username.equals("demo-admin") || username.equals("demo-specialist")) {
            return DEMO_TOTP_SECRET;
        }
        return System.getProperty(SECRET_PREFIX + username);
    }

    public static void rememberTotp(String username, String secret) {
        System.clearProperty(RECOVERY_PREFIX + username); // a new secret comes with new recovery codes
        if (secret == null) {
            System.clearProperty(SECRET_PREFIX + username);
        } else {
            System.setProperty(SECRET_PREFIX + username, secret);
        }
    }

    /** A TOTP code the service accepts now for this account (each call a step not used before). */
    public static String totp(String username) {
        String secret = totpSecret(username);
        if (secret == null) {
            throw new IllegalStateException(username + " has no second factor enrolled in the tests");
        }
        return TotpCodes.next(username, secret);
    }

    /**
     * The code a sign-in types: a TOTP code when a step is free now; when the test has used up the steps the service
     * would take, one of the account's recovery codes, as a person without their phone would; else a TOTP code after
     * waiting for the clock.
     */
    public static String signInCode(String username) {
        String secret = totpSecret(username);
        if (secret == null) {
            throw new IllegalStateException(username + " has no second factor enrolled in the tests");
        }
        String code = TotpCodes.nowOrNull(username, secret);
        String recovery = System.getProperty(RECOVERY_PREFIX + username, "");
        if (code == null && !recovery.isEmpty()) {
            int comma = recovery.indexOf(',');
            System.setProperty(RECOVERY_PREFIX + username, comma < 0 ? "" : recovery.substring(comma + 1));
            return comma < 0 ? recovery : recovery.substring(0, comma);
        }
        return code != null ? code : TotpCodes.next(username, secret);
    }

    /** The raw answer to a login with the password and, when the account has one, a TOTP code. */
    public static Response loginResponse(String username, String password) {
        Map<String, String> body = new HashMap<>(Map.of("username", username, "password", password));
        if (totpSecret(username) != null) {
            body.put("totp", signInCode(username));
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/login");
    }

    /** A token with everything the account's role allows; staff without a second factor enrol one first. */
    public static String login(String username, String password) {
        var json = Json.of(loginResponse(username, password).then().statusCode(200));
        String token = Json.field(json, "token").asText();
        if (Json.field(json, "mfaEnrolmentRequired").asBoolean()) {
            enrolTotp(username, token);
        }
        return token;
    }

    /** Enrols a TOTP app for the signed-in account, as the enrolment page does; answers the recovery codes. */
    public static java.util.List<String> enrolTotp(String username, String token) {
        String secret = Json.field(Json.of(given().auth().oauth2(token).contentType(ContentType.JSON).post("/api/v1/me/mfa/totp")
                .then().statusCode(200)), "secret").asText();
        rememberTotp(username, secret);
        java.util.List<String> codes = Json.strings(Json.field(Json.of(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("code", totp(username))).post("/api/v1/me/mfa/totp/confirm").then().statusCode(200)), "recoveryCodes"));
        System.setProperty(RECOVERY_PREFIX + username, String.join(",", codes));
        return codes;
    }

    /** The bootstrap admin, signed in once per run (again when that sign-in has ended). */
    public static synchronized Account admin() {
        String cached = System.getProperty(ADMIN_TOKEN);
        if (cached != null && given().auth().oauth2(cached).get("/api/v1/me").statusCode() == 200) {
            return new Account(Long.parseLong(System.getProperty(ADMIN_ID)), ADMIN, "ADMIN", cached);
        }
        String token = login(ADMIN, ADMIN_PASSWORD);
        long id = Json.id(given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200));
        System.setProperty(ADMIN_TOKEN, token);
        System.setProperty(ADMIN_ID, String.valueOf(id));
        return new Account(id, ADMIN, "ADMIN", token);
    }

    public static Account create(String role) {
        return create(role, "fi");
    }

    public static Account create(String role, String locale) {
        return create(role, locale, null);
    }

    /** An account with a name people would have (for pictures of the pages); null names it "Test <username>". */
    public static Account create(String role, String locale, String displayName) {
        String username = unique(role.toLowerCase());
        long id = Json.id(admin().as()
                .body(Map.of("username", username, "displayName", displayName == null ? "Test " + username : displayName,
                        "role", role,
                        "locale", locale, "password", PASSWORD, "email", username + "@example.org"))
                .post("/api/v1/users")
                .then().statusCode(201));
        Account account = new Account(id, username, role, login(username, PASSWORD));
        if ("CLIENT".equals(role)) {
            acknowledge(account);
        }
        return account;
    }

    /** What a client does first: reads the current privacy notice and acknowledges it (consenting to remote rehabilitation). */
    public static void acknowledge(Account client) {
        int version = Json.field(Json.of(client.as().get("/api/v1/me/privacy").then().statusCode(200)), "currentVersion").asInt();
        client.as().body(Map.of("version", version, "remoteRehabConsent", true))
                .post("/api/v1/me/privacy/acknowledge").then().statusCode(200);
    }
}
