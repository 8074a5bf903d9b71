package fi.askel.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole broker sign-in with the broker enabled: the authorization code flow against a mock
 * OpenID provider (quarkus-test-oidc-server, WireMock), then /login/broker.
 */
@QuarkusTest
@TestProfile(BrokerCodeFlowTest.BrokerEnabled.class)
class BrokerCodeFlowTest {

    /** The mock provider's issuer and the subject of the ID token it hands out. */
    static final String ISSUER = "https://server.example.com";
    static final String SUBJECT = "123456";

    public static class BrokerEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("askel.oidc.enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus",
                    "quarkus.oidc.client-id", "quarkus-web-app",
                    "quarkus.oidc.credentials.secret", "secret",
                    // The mock provider's resource points SmallRye JWT's signing key at its own; verify with its pair.
                    "mp.jwt.verify.publickey.location", "publicKey.jwk");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
        }
    }

    @Test
    void a_linked_client_signs_in_through_the_broker_and_an_unlinked_identity_gets_the_sign_in_page() {
        Browser browser = new Browser().language("en");
        browser.get("/login").then().statusCode(200).body(containsString("href=\"/login/broker\""))
                .body(containsString("Sign in with strong identification"));

        // Nobody is linked to the identity yet: back to the sign-in page with a message; nobody signed in.
        Map<String, String> cookies = codeFlow();
        assertEquals(null, cookies.get(SessionCookies.TOKEN));
        assertTrue(cookies.get("location").endsWith("/login?broker=unlinked"), cookies.get("location"));
        browser.get("/login?broker=unlinked").then().statusCode(200)
                .body(containsString("not linked to any Askel account"));

        Api.Account client = Api.create("CLIENT", "en");
        Api.admin().as().body(Map.of("issuer", ISSUER, "subject", SUBJECT))
                .post("/api/v1/users/" + client.id() + "/external-identities").then().statusCode(201);
        cookies = codeFlow();
        assertTrue(cookies.get("location").endsWith("/"), cookies.get("location"));
        String token = cookies.get(SessionCookies.TOKEN);
        assertNotNull(token, "Askel's session cookie is set");
        assertNotNull(cookies.get(SessionCookies.REFRESH));
        // The broker's own session cookie is gone: from here on only Askel's cookies sign the client in.
        assertEquals("", cookies.get("q_session"), "the broker's session cookie is cleared");
        given().cookie(SessionCookies.TOKEN, token).get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo(client.username())).body("mfaEnrolmentRequired", equalTo(false));
        given().redirects().follow(false).cookie(SessionCookies.TOKEN, token).get("/").then().statusCode(200);
    }

    @Test
    void askels_own_tokens_and_challenges_are_unchanged_with_the_broker_enabled() {
        Api.Account client = Api.create("CLIENT");
        client.as().get("/api/v1/me").then().statusCode(200).body("username", equalTo(client.username()));
        // An API call without a token is refused with 401, not sent to the broker.
        given().get("/api/v1/me").then().statusCode(401);
        // Pages still send the anonymous to Askel's own sign-in page.
        given().redirects().follow(false).get("/account").then().statusCode(303)
                .header("Location", containsString("/login"));
        new Browser().signIn(client.username(), Api.PASSWORD).get("/").then().statusCode(200);
    }

    /**
     * A browser's round trip: /login/broker → the provider → back with a code → /login/broker again.
     * Returns the cookies Askel set at the end and where it sent the browser ("location").
     */
    private static Map<String, String> codeFlow() {
        Map<String, String> jar = new HashMap<>();
        Response start = given().redirects().follow(false).get("/login/broker");
        assertEquals(302, start.statusCode(), start.asString());
        jar.putAll(start.getCookies());
        URI authorize = URI.create(start.getHeader("Location"));
        Map<String, String> query = query(authorize);
        Response provider = given().redirects().follow(false)
                .queryParam("state", query.get("state")).queryParam("redirect_uri", query.get("redirect_uri"))
                .get(authorize.resolve("/login").toString());
        assertEquals(302, provider.statusCode());
        Response callback = given().redirects().follow(false).cookies(jar).urlEncodingEnabled(false)
                .get(provider.getHeader("Location"));
        assertEquals(302, callback.statusCode(), callback.asString());
        jar.putAll(callback.getCookies());
        Response done = given().redirects().follow(false).cookies(jar).get(callback.getHeader("Location"));
        assertEquals(303, done.statusCode(), done.asString());
        Map<String, String> result = new HashMap<>(done.getCookies());
        result.put("location", done.getHeader("Location"));
        return result;
    }

    private static Map<String, String> query(URI location) {
        Map<String, String> params = new HashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }
}
