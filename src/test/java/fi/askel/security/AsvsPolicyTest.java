package fi.askel.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Evidence for the ASVS rows of SECURITY.md about what Askel does not demand or grant: no composition rules,
 * password fields a password manager and paste can fill, and no cross-origin grants.
 */
@QuarkusTest
class AsvsPolicyTest {

    private static final Pattern PASSWORD_INPUT = Pattern.compile("<input[^>]*type=\"password\"[^>]*>");

    @Test
    void a_long_passphrase_of_lowercase_words_is_accepted_without_digits_capitals_or_symbols() {
        String username = Api.unique("passphrase");
        String passphrase = "kesäillan laituri tuoksuu tervalle ja järvi on tyyni";
        Api.admin().as().body(Map.of("username", username, "displayName", "Test " + username, "role", "CLIENT",
                "locale", "fi", "password", passphrase)).post("/api/v1/users").then().statusCode(201);
        Api.login(username, passphrase);
    }

    @Test
    void every_password_field_lets_a_password_manager_and_paste_fill_it() {
        Api.Account client = Api.create("CLIENT");
        Browser browser = new Browser();
        List<String> pages = List.of("/login");
        for (String path : pages) {
            assertPasswordFieldsOpen(path, browser.get(path).then().statusCode(200).extract().asString(), 1);
        }
        browser.signIn(client.username(), Api.PASSWORD);
        assertPasswordFieldsOpen("/account", browser.get("/account").then().statusCode(200).extract().asString(), 3);
        Browser admin = Browser.newAdmin();
        assertPasswordFieldsOpen("/users", admin.get("/users").then().statusCode(200).extract().asString(), 1);
    }

    private static void assertPasswordFieldsOpen(String path, String html, int atLeast) {
        Matcher m = PASSWORD_INPUT.matcher(html);
        int fields = 0;
        while (m.find()) {
            String input = m.group();
            fields++;
            assertTrue(input.contains("autocomplete=\"current-password\"") || input.contains("autocomplete=\"new-password\""),
                    path + ": a password field a password manager can fill: " + input);
            assertTrue(!input.contains("onpaste") && !input.contains("oncopy") && !input.contains("readonly"),
                    path + ": nothing stops pasting: " + input);
        }
        assertTrue(fields >= atLeast, path + " has its password fields: " + fields);
        assertTrue(!html.contains("onpaste"), path + ": no paste handler anywhere on the page");
    }

    @Test
    void no_origin_is_granted_cross_origin_access() {
        Api.Account client = Api.create("CLIENT");
        Response preflight = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization, content-type").options("/api/v1/me/locale");
        assertNull(preflight.getHeader("Access-Control-Allow-Origin"), "preflight: " + preflight.getHeaders());
        assertNull(preflight.getHeader("Access-Control-Allow-Credentials"), "preflight: " + preflight.getHeaders());
        Response read = client.as().header("Origin", "https://evil.example").get("/api/v1/me");
        assertEquals(200, read.statusCode());
        assertNull(read.getHeader("Access-Control-Allow-Origin"), "a read with another site's Origin: " + read.getHeaders());
    }
}
