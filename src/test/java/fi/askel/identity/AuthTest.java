package fi.askel.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import fi.askel.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthTest {

    @Test
    void login_returns_a_token_that_opens_me() {
        Api.Account client = Api.create("CLIENT");
        given().contentType(ContentType.JSON)
                .body(Map.of("username", client.username(), "password", Api.PASSWORD))
                .post("/api/v1/auth/login")
                .then().statusCode(200)
                .body("token", notNullValue())
                .body("expiresAt", notNullValue())
                .body("refreshToken", notNullValue())
                .body("user.id", equalTo((int) client.id()))
                .body("user.username", equalTo(client.username()))
                .body("user.role", equalTo("CLIENT"));
        client.as().get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo(client.username()))
                .body("passwordHash", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void wrong_password_and_unknown_user_get_the_same_401() {
        Api.Account client = Api.create("CLIENT");
        for (Map<String, String> body : new Map[] {
                Map.of("username", client.username(), "password", "wrong-password-123"),
                Map.of("username", "nobody-" + client.username(), "password", Api.PASSWORD)}) {
            given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/login")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://askel.fi/problems/invalid-credentials"))
                    .body("token", org.hamcrest.Matchers.nullValue());
        }
    }

    @Test
    void login_without_password_names_the_missing_field() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("username", "someone")).post("/api/v1/auth/login")
                .then().statusCode(400).body("violations[0].field", equalTo("password"));
    }

    @Test
    void no_token_is_401_problem() {
        given().get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void expired_token_is_rejected() throws Exception {
        Api.Account client = Api.create("CLIENT");
        Instant now = Instant.now();
        String expired = token(client, "https://askel.local", now.minusSeconds(3600), now.minusSeconds(1800));
        given().auth().oauth2(expired).get("/api/v1/me").then().statusCode(401);
        // The same token with a time still to run is accepted: the 401 above is the expiry, not the claims or the key.
        String current = token(client, "https://askel.local", now.minusSeconds(60), now.plusSeconds(600));
        given().auth().oauth2(current).get("/api/v1/me").then().statusCode(200).body("username", equalTo(client.username()));
    }

    @Test
    void token_with_the_right_key_but_wrong_issuer_is_rejected() throws Exception {
        Api.Account client = Api.create("CLIENT");
        Instant now = Instant.now();
        String foreign = token(client, "https://evil.example", now, now.plusSeconds(600));
        given().auth().oauth2(foreign).get("/api/v1/me").then().statusCode(401);
        // The same token from the service's own issuer is accepted: the 401 above is the issuer.
        String own = token(client, "https://askel.local", now, now.plusSeconds(600));
        given().auth().oauth2(own).get("/api/v1/me").then().statusCode(200).body("username", equalTo(client.username()));
    }

    /**
     * A token as the service makes them for this client's current sign-in, from {@code issuer}, signed with the key the
     * service signs with. (Not the data folder's key file: in test mode smallrye-jwt replaces it with a generated key,
     * so a token signed with the file's key was refused for its key, whatever else was wrong with it.)
     */
    private static String token(Api.Account client, String issuer, Instant issuedAt, Instant expiresAt) throws Exception {
        return Jwt.issuer(issuer).subject(String.valueOf(client.id())).upn(client.username())
                .groups(Set.of("CLIENT")).claim("sid", claim(client.token(), "sid"))
                .issuedAt(issuedAt).expiresAt(expiresAt)
                .sign(); // the service's own signing key, as its configuration names it
    }

    @Test
    void token_signed_with_another_key_is_rejected() throws Exception {
        Api.Account client = Api.create("CLIENT");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String token = Jwt.issuer("https://askel.local").subject(String.valueOf(client.id())).upn(client.username())
                .groups(Set.of("ADMIN")).claim("sid", claim(client.token(), "sid"))
                .expiresAt(Instant.now().plusSeconds(600)).sign(generator.generateKeyPair().getPrivate());
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void tampered_token_is_rejected() {
        Api.Account client = Api.create("CLIENT");
        String[] parts = client.token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"CLIENT\"", "\"ADMIN\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(forged).get("/api/v1/users").then().statusCode(401);
    }

    @Test
    void role_comes_from_the_account_and_wrong_role_is_403() {
        Api.Account client = Api.create("CLIENT");
        client.as().get("/api/v1/users").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void logout_makes_the_token_and_its_refresh_token_unusable_at_once() {
        Api.Account client = Api.create("CLIENT");
        String refresh = given().contentType(ContentType.JSON)
                .body(Map.of("username", client.username(), "password", Api.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("refreshToken");
        String token = client.token();
        given().auth().oauth2(token).contentType(ContentType.JSON).post("/api/v1/auth/logout").then().statusCode(204);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401);
        // The other sign-in of the same person is not affected.
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh))
                .post("/api/v1/auth/refresh").then().statusCode(200);
    }

    @Test
    void refresh_gives_a_new_token_and_each_refresh_token_works_once() {
        Api.Account client = Api.create("CLIENT");
        String refresh = given().contentType(ContentType.JSON)
                .body(Map.of("username", client.username(), "password", Api.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("refreshToken");
        var renewed = given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh))
                .post("/api/v1/auth/refresh").then().statusCode(200).extract().jsonPath();
        given().auth().oauth2(renewed.getString("token")).get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo(client.username()));
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refresh))
                .post("/api/v1/auth/refresh").then().statusCode(401)
                .body("type", startsWith("https://askel.fi/problems/"));
        // After logout the newest refresh token is dead too.
        given().auth().oauth2(renewed.getString("token")).contentType(ContentType.JSON).post("/api/v1/auth/logout").then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", renewed.getString("refreshToken")))
                .post("/api/v1/auth/refresh").then().statusCode(401);
    }

    @Test
    void bootstrap_admin_from_configuration_can_sign_in() {
        given().auth().oauth2(Api.login(Api.ADMIN, Api.ADMIN_PASSWORD)).get("/api/v1/me").then().statusCode(200)
                .body("role", equalTo("ADMIN"));
    }

    static String claim(String token, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return io.vertx.core.json.JsonObject.mapFrom(new io.vertx.core.json.JsonObject(payload).getMap()).getString(name);
    }
}
