package fi.askel.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.SmtpTestResource;
import fi.askel.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Changing one's password, and the admin-initiated reset by a one-time emailed link. */
@QuarkusTest
class PasswordTest {

    private static final String NEW_PASSWORD = "Quiet-lake-morning-77";
    private static final Pattern LINK = Pattern.compile("https?://[^\\s]+/password-reset/([A-Za-z0-9_-]+)");

    @Inject
    TestClock clock;

    private static String token(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("token");
    }

    private static int login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/login").statusCode();
    }

    @Test
    void changing_the_password_ends_the_other_sign_ins_and_keeps_this_one() {
        Api.Account client = Api.create("CLIENT");
        String other = token(client.username(), Api.PASSWORD);
        Browser browser = new Browser().signIn(client.username(), Api.PASSWORD);

        client.as().body(Map.of("currentPassword", "wrong-password-123", "newPassword", NEW_PASSWORD))
                .post("/api/v1/me/password").then().statusCode(400).body("violations[0].field", equalTo("currentPassword"));
        client.as().body(Map.of("currentPassword", Api.PASSWORD, "newPassword", "short"))
                .post("/api/v1/me/password").then().statusCode(400).body("violations[0].field", equalTo("newPassword"));
        client.as().body(Map.of("currentPassword", Api.PASSWORD, "newPassword", Api.PASSWORD))
                .post("/api/v1/me/password").then().statusCode(400).body("violations[0].field", equalTo("newPassword"));
        given().auth().oauth2(other).get("/api/v1/me").then().statusCode(200);
        assertEquals(200, login(client.username(), Api.PASSWORD), "nothing changed yet");

        client.as().body(Map.of("currentPassword", Api.PASSWORD, "newPassword", NEW_PASSWORD))
                .post("/api/v1/me/password").then().statusCode(204);
        client.as().get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(other).get("/api/v1/me").then().statusCode(401);
        browser.get("/").then().statusCode(303).header("Location", containsString("/login"));
        assertEquals(401, login(client.username(), Api.PASSWORD));
        assertEquals(200, login(client.username(), NEW_PASSWORD));
    }

    @Test
    void the_account_page_changes_the_password() {
        Api.Account client = Api.create("CLIENT", "en");
        Browser browser = new Browser().language("en").signIn(client.username(), Api.PASSWORD);
        browser.get("/account").then().statusCode(200).body(containsString("Change password"))
                .body(containsString("Set up two-step verification"));
        browser.post("/account/password", Map.of("currentPassword", Api.PASSWORD, "newPassword", NEW_PASSWORD,
                "newPasswordAgain", NEW_PASSWORD + "x")).then().statusCode(400).body(containsString("do not match"));
        browser.post("/account/password", Map.of("currentPassword", Api.PASSWORD, "newPassword", NEW_PASSWORD,
                "newPasswordAgain", NEW_PASSWORD)).then().statusCode(303).header("Location", containsString("/account?done=password"));
        browser.get("/account?done=password").then().statusCode(200).body(containsString("Your password has been changed"));
        client.as().get("/api/v1/me").then().statusCode(401);
        assertEquals(200, login(client.username(), NEW_PASSWORD));
    }

    @Test
    void an_admin_reset_link_works_once_and_only_through_its_form() {
        Api.Account client = Api.create("CLIENT", "sv");
        String email = client.username() + "@example.org";
        given().auth().oauth2(Api.create("SPECIALIST").token()).contentType(ContentType.JSON)
                .post("/api/v1/users/" + client.id() + "/password-reset").then().statusCode(403);
        Api.admin().as().post("/api/v1/users/" + client.id() + "/password-reset").then().statusCode(202)
                .body("sentTo", equalTo(email));
        client.as().get("/api/v1/me").then().statusCode(401);

        List<SmtpTestResource.Received> mails = SmtpTestResource.await(email, 1);
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).subject().contains("lösenord"), mails.get(0).subject());
        Matcher link = LINK.matcher(mails.get(0).text());
        assertTrue(link.find(), mails.get(0).text());
        String path = "/password-reset/" + link.group(1);

        Browser browser = new Browser();
        browser.get(path).then().statusCode(200).header("Cache-Control", containsString("no-store"))
                .body(containsString(client.username()));
        browser.get(path).then().statusCode(200);
        assertEquals(200, login(client.username(), Api.PASSWORD), "opening the link changes nothing");
        browser.post(path, Map.of("newPassword", "short", "newPasswordAgain", "short")).then().statusCode(400);
        browser.post(path, Map.of("newPassword", NEW_PASSWORD, "newPasswordAgain", NEW_PASSWORD))
                .then().statusCode(303).header("Location", containsString("/login?reset=done"));
        browser.get(path).then().statusCode(410);
        browser.post(path, Map.of("newPassword", NEW_PASSWORD + "2", "newPasswordAgain", NEW_PASSWORD + "2")).then().statusCode(410);
        assertEquals(401, login(client.username(), Api.PASSWORD));
        assertEquals(200, login(client.username(), NEW_PASSWORD));
    }

    @Test
    void a_reset_link_expires_after_an_hour_and_a_newer_link_replaces_it() {
        Api.Account client = Api.create("CLIENT");
        String email = client.username() + "@example.org";
        Api.admin().as().post("/api/v1/users/" + client.id() + "/password-reset").then().statusCode(202);
        Api.admin().as().post("/api/v1/users/" + client.id() + "/password-reset").then().statusCode(202);
        List<SmtpTestResource.Received> mails = SmtpTestResource.await(email, 2);
        assertEquals(2, mails.size());
        String first = "/password-reset/" + token(mails.get(0));
        String second = "/password-reset/" + token(mails.get(1));
        Browser browser = new Browser();
        browser.get(first).then().statusCode(410);
        browser.get(second).then().statusCode(200);
        clock.advance(Duration.ofMinutes(61));
        browser.get(second).then().statusCode(410).body(not(containsString("name=\"newPassword\"")));
        browser.post(second, Map.of("newPassword", NEW_PASSWORD, "newPasswordAgain", NEW_PASSWORD)).then().statusCode(410);
        clock.reset();
        assertEquals(200, login(client.username(), Api.PASSWORD));
    }

    @Test
    void a_reset_needs_an_existing_account_with_an_email_address() {
        Api.admin().as().post("/api/v1/users/999999999/password-reset").then().statusCode(404);
        String username = Api.unique("noemail");
        long id = Api.admin().as().body(Map.of("username", username, "displayName", "No Mail", "role", "CLIENT",
                "password", Api.PASSWORD)).post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.admin().as().post("/api/v1/users/" + id + "/password-reset").then().statusCode(409)
                .body("type", equalTo("https://askel.fi/problems/no-email"));
    }

    @Test
    void the_users_page_has_a_reset_button_for_admins() {
        Api.Account client = Api.create("CLIENT");
        Browser admin = Browser.newAdmin("en");
        admin.get("/users?q=" + client.username()).then().statusCode(200).body(containsString("action=\"/users/" + client.id() + "/password-reset\""));
        admin.post("/users/" + client.id() + "/password-reset", Map.of()).then().statusCode(200)
                .body(containsString("role=\"status\"")).body(containsString(client.username() + "@example.org"));
        assertEquals(1, SmtpTestResource.await(client.username() + "@example.org", 1).size());
    }

    private static String token(SmtpTestResource.Received mail) {
        Matcher m = LINK.matcher(mail.text());
        assertTrue(m.find(), mail.text());
        return m.group(1);
    }
}
