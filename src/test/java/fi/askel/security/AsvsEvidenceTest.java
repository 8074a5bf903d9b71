package fi.askel.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.SmtpTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Evidence for ASVS rows of SECURITY.md about passwords and tokens: each test would fail if the protection
 * it names went away (a cut password, a weak hash, a token in a URL, guessable tokens). The rows about what
 * the service exposes are proved by {@link AsvsExposureTest}.
 */
@QuarkusTest
class AsvsEvidenceTest {

    /** Finnish letters and emoji, exactly bcrypt's 72 bytes of UTF-8 (53 + 8 code points). */
    static final String LONG_UNICODE = "Revontulet\uD83E\uDD8Aloistivat-öisin-hämärässä\uD83C\uDF32ja-kettu-juoksi-yli7soan";
    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]?\\$(\\d\\d)\\$[./A-Za-z0-9]{53}$");
    private static final Pattern RESET_LINK = Pattern.compile("https?://[^\\s]+/password-reset/([A-Za-z0-9_-]+)");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "askel.password.bcrypt-cost")
    int bcryptCost;

    // ---- 2.1.2, 2.1.3, 2.1.4 -------------------------------------------------------------------------------

    @Test
    void a_unicode_password_is_used_whole_and_one_longer_than_bcrypt_reads_is_refused_not_cut() {
        assertEquals(72, LONG_UNICODE.getBytes(StandardCharsets.UTF_8).length);
        Map<String, Object> body = newClient();
        body.put("password", LONG_UNICODE);
        Api.admin().as().body(body).post("/api/v1/users").then().statusCode(201);
        String username = (String) body.get("username");

        login(username, LONG_UNICODE).then().statusCode(200);
        // The last character differs (inside the 72 bytes): wrong.
        login(username, LONG_UNICODE.substring(0, LONG_UNICODE.length() - 1) + "m").then().statusCode(401);
        // The whole password and then more: bcrypt alone reads only the first 72 bytes and would let this in.
        login(username, LONG_UNICODE + "ä").then().statusCode(401);

        // One byte past what bcrypt reads is refused with the reason when chosen, never cut and stored.
        Map<String, Object> tooLong = newClient();
        tooLong.put("password", LONG_UNICODE + "x");
        Api.admin().as().header("Accept-Language", "en").body(tooLong).post("/api/v1/users").then().statusCode(400)
                .body("violations.field", hasItem("password"))
                .body("violations.message", hasItem("The password is too long (at most 72 bytes)."));
        login((String) tooLong.get("username"), LONG_UNICODE).then().statusCode(401);

        // 72 code points with emoji are 100+ bytes: refused as too long, too (the limit is bytes, not characters).
        Map<String, Object> manyEmoji = newClient();
        String emoji = "Äiti\uD83E\uDD8A".repeat(15);
        assertTrue(emoji.codePointCount(0, emoji.length()) >= 72);
        manyEmoji.put("password", emoji);
        Api.admin().as().header("Accept-Language", "en").body(manyEmoji).post("/api/v1/users").then().statusCode(400)
                .body("violations.field", hasItem("password"));
    }

    // ---- 2.4.1, 2.4.4 --------------------------------------------------------------------------------------

    @Test
    void stored_password_hashes_are_bcrypt_at_the_set_cost_and_production_sets_10_or_more() throws Exception {
        // Production: the shipped setting (tests use bcrypt's lowest cost, 4, for speed; PasswordHashesTest shows a
        // production start refusing less than 10).
        java.util.Properties shipped = new java.util.Properties();
        try (var in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            shipped.load(in);
        }
        assertTrue(Integer.parseInt(shipped.getProperty("askel.password.bcrypt-cost", "0")) >= 10,
                "askel.password.bcrypt-cost in application.properties: " + shipped.getProperty("askel.password.bcrypt-cost"));

        Api.Account client = Api.create("CLIENT");
        for (String username : List.of(client.username(), Api.ADMIN)) {
            String hash = passwordHash(username);
            Matcher m = BCRYPT.matcher(hash);
            assertTrue(m.matches(), username + ": not a bcrypt hash: " + hash.substring(0, Math.min(7, hash.length())));
            assertEquals(bcryptCost, Integer.parseInt(m.group(1)), username + ": bcrypt cost");
            assertFalse(hash.contains(Api.PASSWORD) || hash.contains(Api.ADMIN_PASSWORD));
        }
        // A password change stores a new bcrypt hash the same way, never the password.
        String before = passwordHash(client.username());
        client.as().body(Map.of("currentPassword", Api.PASSWORD, "newPassword", "Quiet-lake-morning-77"))
                .post("/api/v1/me/password").then().statusCode(lessThan(300));
        String after = passwordHash(client.username());
        assertNotEquals(before, after);
        assertTrue(BCRYPT.matcher(after).matches());
    }

    @Test
    void a_hash_made_at_another_cost_is_made_again_at_the_set_cost_when_its_owner_signs_in() throws SQLException {
        Api.Account client = Api.create("CLIENT");
        int other = bcryptCost == 10 ? 11 : 10; // as accounts from before the setting changed have
        setPasswordHash(client.username(), io.quarkus.elytron.security.common.BcryptUtil.bcryptHash(Api.PASSWORD, other));
        // A wrong password leaves the hash alone.
        login(client.username(), "Not-the-password-42").then().statusCode(401);
        assertEquals(other, cost(passwordHash(client.username())));

        login(client.username(), Api.PASSWORD).then().statusCode(200);
        String renewed = passwordHash(client.username());
        assertEquals(bcryptCost, cost(renewed), "made again at the set cost");
        // The same password goes on working, the old hash is gone.
        login(client.username(), Api.PASSWORD).then().statusCode(200);
        assertEquals(renewed, passwordHash(client.username()), "made again once, not at every sign-in");
    }

    // ---- 3.1.1, 13.1.3 (and 8.3.1 for session tokens) ------------------------------------------------------

    @Test
    void signing_in_and_out_never_puts_a_session_token_in_a_url() {
        Api.Account client = Api.create("CLIENT");
        Api.Account specialist = Api.create("SPECIALIST");

        // Pages: a client (one step) and staff (password, then the code), with and without where to go next.
        List<Response> answers = new ArrayList<>();
        Browser browser = new Browser();
        answers.add(browser.get("/login"));
        answers.add(browser.post("/login", Map.of("username", client.username(), "password", Api.PASSWORD, "next", "/account")));
        Map<String, String> clientCookies = new HashMap<>(browser.cookies);
        answers.add(browser.get(answers.get(answers.size() - 1).getHeader("Location")));
        answers.add(browser.post("/logout", Map.of()));

        Browser staff = new Browser();
        answers.add(staff.get("/login"));
        answers.add(staff.post("/login", Map.of("username", specialist.username(), "password", Api.PASSWORD)));
        Map<String, String> stepCookies = new HashMap<>(staff.cookies);
        answers.add(staff.post("/login/code", Map.of("code", Api.totp(specialist.username()))));
        Map<String, String> staffCookies = new HashMap<>(staff.cookies);
        answers.add(staff.get(answers.get(answers.size() - 1).getHeader("Location")));

        // The API: tokens travel in the JSON body and the Authorization header only.
        Response api = Api.loginResponse(client.username(), Api.PASSWORD);
        answers.add(api);
        String apiToken = api.then().statusCode(200).extract().path("token");
        String apiRefresh = api.then().extract().path("refreshToken");
        answers.add(given().redirects().follow(false).contentType(ContentType.JSON)
                .body(Map.of("refreshToken", apiRefresh)).post("/api/v1/auth/refresh"));

        List<String> secrets = new ArrayList<>(List.of(apiToken, apiRefresh));
        for (Map<String, String> cookies : List.of(clientCookies, stepCookies, staffCookies)) {
            cookies.forEach((name, value) -> {
                if (name.contains("token") || name.contains("refresh") || name.contains("login_step")) {
                    secrets.add(value);
                }
            });
        }
        assertTrue(clientCookies.containsKey("askel_token") && staffCookies.containsKey("askel_token"), "signed in: " + clientCookies.keySet());
        assertTrue(stepCookies.keySet().stream().anyMatch(n -> n.contains("login_step")), "the code step has its cookie: " + stepCookies.keySet());
        assertTrue(answers.stream().filter(r -> r.getHeader("Location") != null).count() >= 3, "the flow redirects");

        Pattern link = Pattern.compile("(?:href|src|action)=\"([^\"]*)\"");
        for (Response r : answers) {
            List<String> urls = new ArrayList<>();
            if (r.getHeader("Location") != null) {
                urls.add(r.getHeader("Location"));
            }
            Matcher m = link.matcher(r.asString());
            while (m.find()) {
                urls.add(m.group(1));
            }
            for (String url : urls) {
                assertFalse(url.toLowerCase().matches(".*[?&;](token|access_token|refresh|jwt|sid|session)=.*"), url);
                for (String secret : secrets) {
                    assertFalse(url.contains(secret), "a session token in " + url);
                }
            }
        }
    }

    // ---- 6.3.1 ---------------------------------------------------------------------------------------------

    @Test
    void reset_links_and_browser_form_values_are_long_and_never_repeat() {
        Api.Account client = Api.create("CLIENT");
        String email = client.username() + "@example.org";
        Api.admin().as().post("/api/v1/users/" + client.id() + "/password-reset").then().statusCode(202);
        Api.admin().as().post("/api/v1/users/" + client.id() + "/password-reset").then().statusCode(202);
        List<SmtpTestResource.Received> mails = SmtpTestResource.await(email, 2);
        assertEquals(2, mails.size());
        List<String> tokens = new ArrayList<>();
        for (SmtpTestResource.Received mail : mails) {
            Matcher m = RESET_LINK.matcher(mail.text());
            assertTrue(m.find(), mail.text());
            tokens.add(m.group(1));
        }
        assertNotEquals(tokens.get(0), tokens.get(1));
        // 32 random bytes, URL-safe: 43 characters (256 bits).
        tokens.forEach(t -> assertTrue(t.length() >= 43, "reset token length " + t.length()));

        Browser one = new Browser();
        one.get("/login");
        Browser two = new Browser();
        two.get("/login");
        String first = one.cookies.get("askel_csrf");
        String second = two.cookies.get("askel_csrf");
        assertNotNull(first, "a browser gets its random value: " + one.cookies.keySet());
        assertNotNull(second);
        assertNotEquals(first, second);
        assertTrue(first.length() >= 43 && second.length() >= 43, first.length() + ", " + second.length());

        String refreshA = Api.loginResponse(client.username(), Api.PASSWORD).then().statusCode(200).extract().path("refreshToken");
        String refreshB = Api.loginResponse(client.username(), Api.PASSWORD).then().statusCode(200).extract().path("refreshToken");
        assertNotEquals(refreshA, refreshB);
        assertTrue(refreshA.length() >= 43, "refresh token length " + refreshA.length());
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static Map<String, Object> newClient() {
        String username = Api.unique("asvs");
        return new HashMap<>(Map.of("username", username, "displayName", "Test " + username, "role", "CLIENT",
                "locale", "fi", "email", username + "@example.org"));
    }

    private static Response login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/login");
    }

    private static int cost(String hash) {
        Matcher m = BCRYPT.matcher(hash);
        assertTrue(m.matches(), hash.substring(0, Math.min(7, hash.length())));
        return Integer.parseInt(m.group(1));
    }

    private void setPasswordHash(String username, String hash) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE app_user SET password_hash = ? WHERE username = ?")) {
            s.setString(1, hash);
            s.setString(2, username);
            assertEquals(1, s.executeUpdate());
        }
    }

    private String passwordHash(String username) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT password_hash FROM app_user WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), username);
                return rs.getString(1);
            }
        }
    }
}
