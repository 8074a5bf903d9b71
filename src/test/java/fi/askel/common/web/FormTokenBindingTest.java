package fi.askel.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The review's finding on the form token, kept found: it was a plain double-submit value. Now it is an HMAC bound
 * to the sign-in and to the browser's cookie (FormTokens), so the cookie's own value is no token, and a token from
 * before signing in, or from a sign-in that has ended, does not work in the next one, even in the same browser.
 */
@QuarkusTest
class FormTokenBindingTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Test
    void the_browsers_cookie_value_is_not_a_token() {
        Browser browser = new Browser();
        browser.get("/login");
        String cookie = browser.cookies.get(FormTokens.COOKIE);
        assertNotNull(cookie, "the browser got its random value");
        refused(browser.post("/language", Map.of("csrf-token", cookie, "lang", "sv", "next", "/")));
        // The page's own token, made with the server's key, works.
        assertEquals(303, browser.post("/language", Map.of("lang", "sv", "next", "/")).statusCode());
    }

    @Test
    void a_token_works_only_in_the_sign_in_it_was_shown_in() {
        Api.Account client = Api.create("CLIENT");
        Browser browser = new Browser();
        String beforeSignIn = token(browser.get("/login").asString());
        browser.signIn(client.username(), Api.PASSWORD);
        String signedIn = token(browser.get("/").asString());
        assertTrue(!signedIn.equals(beforeSignIn), "signing in gives a new token");
        refused(browser.post("/language", Map.of("csrf-token", beforeSignIn, "lang", "sv", "next", "/")));
        assertEquals(303, browser.post("/language", Map.of("csrf-token", signedIn, "lang", "fi", "next", "/")).statusCode());

        // Signed out and in again in the same browser: the earlier sign-in's token is dead.
        assertEquals(303, browser.post("/logout", Map.of("csrf-token", signedIn)).statusCode());
        browser.signIn(client.username(), Api.PASSWORD);
        refused(browser.post("/language", Map.of("csrf-token", signedIn, "lang", "sv", "next", "/")));
        browser.get("/").then().statusCode(200);
    }

    private static void refused(Response r) {
        assertEquals(400, r.statusCode(), r.asString());
        assertTrue(r.asString().contains("Lataa sivu uudelleen"), r.asString());
    }

    private static String token(String page) {
        Matcher m = TOKEN.matcher(page);
        assertTrue(m.find(), "the page carries a form token");
        return m.group(1);
    }
}
