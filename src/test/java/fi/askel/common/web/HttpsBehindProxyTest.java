package fi.askel.common.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.EmbeddedDbTestResource;
import fi.askel.support.SmtpTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The production shape the README describes: a TLS-terminating proxy in front, sending
 * X-Forwarded-Proto, and askel.http.require-https on. Plain HTTP is moved to HTTPS; HTTPS answers
 * carry HSTS and Secure cookies.
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
        given().redirects().follow(false).get("/q/health/ready").then().statusCode(200)
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
        Cookie session = signIn.detailedCookie("askel_token");
        assertTrue(session.isSecured() && session.isHttpOnly(), "session cookie must be Secure and HttpOnly over HTTPS");
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
