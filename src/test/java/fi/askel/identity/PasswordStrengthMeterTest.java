package fi.askel.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.SmtpTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The live strength meter's endpoint (PasswordStrengthResource): it says what the form would say on submit,
 * word for word, in the person's language; each form's way in (sign-in, the right to create accounts, a usable
 * reset link) is needed; it follows the API's cookie rule; and the password is neither echoed nor logged.
 */
@QuarkusTest
class PasswordStrengthMeterTest {

    private static final String KEYBOARD = "Qwerty123456";
    private static final String STRONG = "Quiet-lake-morning-77";
    private static final Pattern LINK = Pattern.compile("https?://[^\\s]+/password-reset/([A-Za-z0-9_-]+)");

    @Test
    void a_weak_new_password_gets_the_reason_the_form_would_give_in_finnish_and_swedish() {
        Api.Account specialist = Api.create("SPECIALIST");
        for (String lang : List.of("fi", "sv")) {
            Response meter = specialist.as().header("Accept-Language", lang).body(Map.of("password", KEYBOARD))
                    .post("/api/v1/password-strength");
            meter.then().statusCode(200).body("acceptable", equalTo(false)).body("level", equalTo("weak"))
                    .body("field", equalTo("newPassword")).body("reason", equalTo("password.weak.common"))
                    .body("message", containsString(lang.equals("fi") ? "yleisesti käytetty salasana" : "vanligt lösenord"))
                    .body(not(containsString(KEYBOARD)));
            // The form's own answer on submit: the same words.
            String submitted = specialist.as().header("Accept-Language", lang)
                    .body(Map.of("currentPassword", Api.PASSWORD, "newPassword", KEYBOARD))
                    .post("/api/v1/me/password").then().statusCode(400).extract().jsonPath().getString("violations[0].message");
            assertEquals(submitted, meter.jsonPath().getString("message"));
        }
        specialist.as().header("Accept-Language", "en").body(Map.of("password", "short"))
                .post("/api/v1/password-strength").then().statusCode(200).body("reason", equalTo("password.too-short"))
                .body("message", containsString("at least 12"));
    }

    @Test
    void a_strong_password_is_accepted_and_the_bar_depends_on_the_role_as_on_submit() {
        Api.Account specialist = Api.create("SPECIALIST");
        specialist.as().header("Accept-Language", "fi").body(Map.of("password", STRONG)).post("/api/v1/password-strength")
                .then().statusCode(200).body("acceptable", equalTo(true)).body("level", oneOf("good", "strong"))
                .body("reason", equalTo(null)).body("message", oneOf("Salasana kelpaa.", "Vahva salasana."));

        // A new account: judged for the role and username being typed, as POST /users will judge them.
        Api.Account admin = Api.admin();
        newAccount(admin, "Summer2024!!", "someone", "CLIENT").then().statusCode(200).body("acceptable", equalTo(true))
                .body("field", equalTo("password"));
        newAccount(admin, "Summer2024!!", "someone", "SPECIALIST").then().statusCode(200).body("acceptable", equalTo(false))
                .body("reason", equalTo("password.weak.common"));
        newAccount(admin, "Vanhakettu-maisema-9", "vanhakettu", "CLIENT").then().body("reason", equalTo("password.contains-username"));
        String username = Api.unique("meter");
        String meter = newAccount(admin, "Summer2024!!", username, "SPECIALIST").jsonPath().getString("message");
        String submitted = admin.as().header("Accept-Language", "sv")
                .body(Map.of("username", username, "displayName", "Test", "role", "SPECIALIST", "locale", "sv",
                        "password", "Summer2024!!", "email", username + "@example.org"))
                .post("/api/v1/users").then().statusCode(400).extract().jsonPath().getString("violations[0].message");
        assertEquals(submitted, meter);
        // A specialist creates accounts too; a client does not, so has no use for this check.
        newAccount(specialist, STRONG, "x", "CLIENT").then().statusCode(200);
        Api.Account client = Api.create("CLIENT");
        newAccount(client, STRONG, "x", "CLIENT").then().statusCode(403);
    }

    @Test
    void without_a_sign_in_or_a_usable_reset_link_the_check_is_refused() {
        given().contentType(ContentType.JSON).body(Map.of("password", KEYBOARD)).post("/api/v1/password-strength")
                .then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("password", KEYBOARD, "username", "x", "role", "CLIENT"))
                .post("/api/v1/password-strength/new-account").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("password", KEYBOARD, "token", "made-up-token-0123456789"))
                .post("/api/v1/password-strength/reset").then().statusCode(410).body(not(containsString(KEYBOARD)));
        given().contentType(ContentType.JSON).body(Map.of("password", KEYBOARD)).post("/api/v1/password-strength/reset")
                .then().statusCode(410);
        // The browser's cookie alone, without X-Requested-With (a form on another site): not signed in.
        Api.Account client = Api.create("CLIENT");
        Browser browser = new Browser().signIn(client.username(), Api.PASSWORD);
        browser.request().contentType(ContentType.JSON).body(Map.of("password", KEYBOARD)).post("/api/v1/password-strength")
                .then().statusCode(401);
        browser.request().header("X-Requested-With", "fetch").contentType(ContentType.JSON).body(Map.of("password", KEYBOARD))
                .post("/api/v1/password-strength").then().statusCode(200).body("acceptable", equalTo(false));
    }

    @Test
    void a_reset_link_is_the_credential_before_sign_in_and_the_form_still_refuses_without_javascript() {
        Api.Account client = Api.create("CLIENT", "sv");
        String token = resetToken(client);
        given().contentType(ContentType.JSON).header("Accept-Language", "sv").body(Map.of("token", token, "password", KEYBOARD))
                .post("/api/v1/password-strength/reset").then().statusCode(200).body("acceptable", equalTo(false))
                .body("reason", equalTo("password.weak.common")).body("message", containsString("vanligt lösenord"));
        given().contentType(ContentType.JSON).body(Map.of("token", token, "password", STRONG))
                .post("/api/v1/password-strength/reset").then().statusCode(200).body("acceptable", equalTo(true));

        // The page names the meter for the field; a plain form post (no JavaScript) gets the same reason and keeps the link.
        Browser browser = new Browser().language("sv");
        String page = browser.get("/password-reset/" + token).then().statusCode(200).extract().asString();
        assertTrue(page.contains("aria-describedby=\"f-newPassword-hint f-newPassword-meter\""), page);
        assertTrue(page.contains("id=\"f-newPassword-meter\" aria-live=\"polite\""), page);
        assertTrue(page.contains("src=\"/static/password-meter.js\""), page);
        browser.post("/password-reset/" + token, Map.of("newPassword", KEYBOARD, "newPasswordAgain", KEYBOARD))
                .then().statusCode(400).body(containsString("vanligt lösenord"));
        browser.post("/password-reset/" + token, Map.of("newPassword", STRONG, "newPasswordAgain", STRONG)).then().statusCode(303);
        // A used link opens nothing, the meter included.
        given().contentType(ContentType.JSON).body(Map.of("token", token, "password", STRONG))
                .post("/api/v1/password-strength/reset").then().statusCode(410);
    }

    @Test
    void one_sign_in_may_ask_a_limited_number_of_times_a_minute() {
        Api.Account client = Api.create("CLIENT");
        int refusedAt = -1;
        for (int i = 0; i < 2 * StrengthCheckLimit.PER_MINUTE + 2 && refusedAt < 0; i++) {
            int status = client.as().body(Map.of("password", "Quiet-lake-" + i)).post("/api/v1/password-strength").statusCode();
            if (status == 429) {
                refusedAt = i;
            } else {
                assertEquals(200, status);
            }
        }
        assertTrue(refusedAt >= StrengthCheckLimit.PER_MINUTE, "refused after " + refusedAt);
        client.as().header("Accept-Language", "en").body(Map.of("password", STRONG)).post("/api/v1/password-strength")
                .then().statusCode(429).body("detail", containsString("too many times"));
        // Another sign-in is not held back by it.
        Api.create("CLIENT").as().body(Map.of("password", STRONG)).post("/api/v1/password-strength").then().statusCode(200);
    }

    @Test
    void the_password_is_not_logged() {
        String secret = "Zebra-notlogged-" + System.nanoTime();
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + (record.getThrown() == null ? "" : record.getThrown().toString()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            Api.Account specialist = Api.create("SPECIALIST");
            specialist.as().body(Map.of("password", secret)).post("/api/v1/password-strength").then().statusCode(200)
                    .body(not(containsString(secret)));
            specialist.as().body(Map.of("password", secret + "x".repeat(100))).post("/api/v1/password-strength")
                    .then().statusCode(200).body("reason", equalTo("password.too-long"));
            given().contentType(ContentType.JSON).body(Map.of("password", secret, "token", "x")).post("/api/v1/password-strength/reset")
                    .then().statusCode(410);
        } finally {
            root.removeHandler(capture);
        }
        assertTrue(lines.stream().noneMatch(l -> l.contains(secret)), String.join("\n", lines));
    }

    private static Response newAccount(Api.Account caller, String password, String username, String role) {
        return caller.as().header("Accept-Language", "sv")
                .body(Map.of("password", password, "username", username, "role", role))
                .post("/api/v1/password-strength/new-account");
    }

    private static String resetToken(Api.Account account) {
        Api.admin().as().post("/api/v1/users/" + account.id() + "/password-reset").then().statusCode(202);
        List<SmtpTestResource.Received> mails = SmtpTestResource.await(account.username() + "@example.org", 1);
        Matcher link = LINK.matcher(mails.get(mails.size() - 1).text());
        assertTrue(link.find(), mails.get(0).text());
        return link.group(1);
    }
}
