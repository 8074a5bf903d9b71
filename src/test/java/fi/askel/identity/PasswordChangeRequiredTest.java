package fi.askel.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.endsWith;

import fi.askel.support.Api;
import fi.askel.support.EmbeddedDbTestResource;
import fi.askel.support.SmtpTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bootstrap admin's password was in a file or the log: it must be replaced at the first sign-in. */
@QuarkusTest
@TestProfile(PasswordChangeRequiredTest.FirstStart.class)
class PasswordChangeRequiredTest {

    static final String ADMIN = "first-admin";
    static final String BOOTSTRAP_PASSWORD = "Bootstrap-first-2026!x";

    /** A production-like first start: an empty database of its own, the default password rule. */
    public static class FirstStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("askel.bootstrap.admin-username", ADMIN, "askel.bootstrap.admin-password", BOOTSTRAP_PASSWORD,
                    "askel.bootstrap.require-password-change", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmbeddedDbTestResource.class,
                            Map.of(EmbeddedDbTestResource.DATABASE_ARG, "askel_first_" + System.nanoTime())),
                    new TestResourceEntry(SmtpTestResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void the_bootstrap_admin_can_do_nothing_but_change_the_password_until_it_is_changed() {
        String token = Api.login(ADMIN, BOOTSTRAP_PASSWORD); // enrols the second factor on the way, as staff must
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("passwordChangeRequired", equalTo(true));
        given().auth().oauth2(token).get("/api/v1/users").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://askel.fi/problems/password-change-required"));
        given().auth().oauth2(token).redirects().follow(false).get("/admin/users").then().statusCode(303)
                .header("Location", endsWith("/account?error=password-change-required"));
        given().auth().oauth2(token).redirects().follow(false).get("/account").then().statusCode(200);
        // An open path in disguise is read as the router reads it, so it is not open.
        for (String disguised : List.of("/account/%2E%2E/api/v1/users", "//api/v1/users", "/static/../api/v1/users")) {
            given().auth().oauth2(token).urlEncodingEnabled(false).get(disguised).then().statusCode(403)
                    .body("type", equalTo("https://askel.fi/problems/password-change-required"));
        }

        String fresh = "Chosen-by-the-admin-2026!";
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", BOOTSTRAP_PASSWORD, "newPassword", fresh))
                .post("/api/v1/me/password").then().statusCode(204);

        // The same sign-in goes on, now with everything an admin may do.
        given().auth().oauth2(token).get("/api/v1/users").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/me").then().body("passwordChangeRequired", equalTo(false));
        Api.loginResponse(ADMIN, fresh).then().statusCode(200).body("passwordChangeRequired", equalTo(false));
        Api.loginResponse(ADMIN, BOOTSTRAP_PASSWORD).then().statusCode(401);
    }
}
