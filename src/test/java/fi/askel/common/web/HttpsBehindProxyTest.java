package fi.askel.common.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.EmbeddedDbTestResource;
import fi.askel.support.SmtpTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The production shape the README describes: a TLS-terminating proxy in front, sending
 * X-Forwarded-Proto, and askel.http.require-https on. Plain HTTP is moved to HTTPS; HTTPS answers
 * carry HSTS and Secure cookies, the sign-in's under {@code __Host-} names (with a one-release transition from
 * the plain names).
 */
@QuarkusTest
@TestProfile(HttpsBehindProxyTest.BehindTlsProxy.class)
class HttpsBehindProxyTest {

    public static class BehindTlsProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("askel.http.require-https", "true", "askel.public-url", "https://askel.example.fi",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.enable-forwarded-host", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmbeddedDbTestResource.class,
                            Map.of(EmbeddedDbTestResource.DATABASE_ARG, "askel_tls_" + System.nanoTime())),
                    new TestResourceEntry(SmtpTestResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** The load balancer's check, on the management port as in production; the path is under its root, /q. */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @Test
    void plain_http_is_redirected_to_the_same_address_over_https() {
        given().urlEncodingEnabled(false).redirects().follow(false).header("Host", "askel.example.fi")
                .get("/login?next=/help")
                .then().statusCode(301).header("Location", equalTo("https://askel.example.fi/login?next=/help"));
        // A form post keeps its method and body on the way (308, not 301).
        given().redirects().follow(false).header("Host", "askel.example.fi")
                .contentType("application/x-www-form-urlencoded").formParam("username", "x").post("/login")
                .then().statusCode(308).header("Location", equalTo("https://askel.example.fi/login"));
    }

    @Test
    void a_made_up_host_header_never_becomes_the_redirect_target() {
        given().urlEncodingEnabled(false).redirects().follow(false).header("Host", "evil.example")
                .get("/login?next=/help")
                .then().statusCode(301).header("Location", equalTo("https://askel.example.fi/login?next=/help"));
    }

    @Test
    void health_checks_from_inside_the_network_stay_on_http() {
        given().redirects().follow(false).get(ready).then().statusCode(200)
                .header("Strict-Transport-Security", nullValue());
    }

    @Test
    void https_answers_carry_hsts_and_secure_cookies() {
        Api.Account client = overHttps(() -> Api.create("CLIENT"));
        Response page = given().redirects().follow(false).header("X-Forwarded-Proto", "https").get("/login");
        page.then().statusCode(200).header("Strict-Transport-Security", containsString("max-age=31536000"));
        // __Host-: Secure, Path=/, no Domain, so no sibling subdomain can plant or overwrite it.
        Cookie csrf = page.detailedCookie("__Host-askel_csrf");
        assertTrue(csrf.isSecured(), "the CSRF cookie must be Secure over HTTPS");
        assertTrue(csrf.isHttpOnly() && "/".equals(csrf.getPath()) && !csrf.hasDomain(), csrf.toString());
        assertTrue("Strict".equalsIgnoreCase(csrf.getSameSite()), csrf.toString());
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
        assertTrue(token.find(), "login form carries a CSRF token");

        Response signIn = given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .cookie("__Host-askel_csrf", csrf.getValue()).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token.group(1))
                .formParam("username", client.username()).formParam("password", Api.PASSWORD)
                .post("/login");
        signIn.then().statusCode(303).header("Strict-Transport-Security", containsString("max-age="));
        Cookie session = signIn.detailedCookie("__Host-askel_token");
        assertTrue(session.isSecured() && session.isHttpOnly(), "session cookie must be Secure and HttpOnly over HTTPS");
    }

    @Test
    void over_https_the_sign_in_cookies_carry_the_host_prefix_and_work() {
        Api.Account specialist = overHttps(() -> Api.create("SPECIALIST"));
        Browser browser = new Browser().header("X-Forwarded-Proto", "https");
        browser.get("/login");
        Response first = browser.post("/login", Map.of("username", specialist.username(), "password", Api.PASSWORD));
        // The step between password and code is sent to /login only, so __Secure- (which allows a path), not __Host-.
        Cookie step = first.detailedCookie("__Secure-askel_login_step");
        assertTrue(step.isSecured() && step.isHttpOnly() && "/login".equals(step.getPath()) && !step.hasDomain(), step.toString());
        assertNull(first.detailedCookie("askel_login_step"));
        Response signIn = browser.post("/login/code", Map.of("code", Api.totp(specialist.username())));
        signIn.then().statusCode(303);
        for (String name : List.of("__Host-askel_token", "__Host-askel_refresh")) {
            Cookie c = signIn.detailedCookie(name);
            assertTrue(c.isSecured() && c.isHttpOnly() && "/".equals(c.getPath()) && !c.hasDomain()
                    && "Strict".equalsIgnoreCase(c.getSameSite()), c.toString());
        }
        assertNull(signIn.detailedCookie("askel_token"), "no plain-named sign-in over HTTPS");
        assertNull(signIn.detailedCookie("askel_refresh"));
        browser.get("/").then().statusCode(200);
        // Signing out expires the prefixed cookies.
        Response out = browser.post("/logout", Map.of());
        out.then().statusCode(303);
        assertEquals(0, out.detailedCookie("__Host-askel_token").getMaxAge());
        assertEquals(0, out.detailedCookie("__Host-askel_refresh").getMaxAge());
        browser.get("/").then().statusCode(303);
    }

    @Test
    void a_browser_signed_in_before_the_upgrade_stays_signed_in_and_moves_to_the_prefixed_names() {
        Api.Account client = overHttps(() -> Api.create("CLIENT"));
        io.restassured.path.json.JsonPath login = overHttps(() -> Api.loginResponse(client.username(), Api.PASSWORD)).jsonPath();
        String token = login.getString("token");
        String refresh = login.getString("refreshToken");
        Response first = given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .cookie("askel_token", token).cookie("askel_refresh", refresh).get("/");
        first.then().statusCode(200);
        assertEquals(token, first.detailedCookie("__Host-askel_token").getValue());
        assertEquals(refresh, first.detailedCookie("__Host-askel_refresh").getValue());
        assertTrue(first.detailedCookie("__Host-askel_token").isSecured());
        assertEquals(0, first.detailedCookie("askel_token").getMaxAge(), "the plain name is expired");
        assertEquals(0, first.detailedCookie("askel_refresh").getMaxAge());
        // From now on the prefixed names alone carry the sign-in, and they are not rewritten on every answer.
        Response next = given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .cookie("__Host-askel_token", token).cookie("__Host-askel_refresh", refresh).get("/");
        next.then().statusCode(200);
        assertNull(next.detailedCookie("__Host-askel_token"));
        // An expired plain token with its refresh cookie is refreshed into the prefixed names too.
        Response renewed = given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .cookie("askel_token", "expired.or.broken").cookie("askel_refresh", refresh).get("/");
        renewed.then().statusCode(200);
        assertTrue(renewed.detailedCookie("__Host-askel_token").getValue().length() > 20);
        assertEquals(0, renewed.detailedCookie("askel_refresh").getMaxAge());
    }

    /** The fixtures' own API calls, as they would arrive through the proxy. */
    private static <T> T overHttps(java.util.function.Supplier<T> action) {
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("X-Forwarded-Proto", "https").build();
        try {
            return action.get();
        } finally {
            RestAssured.requestSpecification = null;
        }
    }
}
