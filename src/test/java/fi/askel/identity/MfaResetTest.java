package fi.askel.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.SmtpTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Someone lost their phone and their recovery codes: an admin removes the second factor. */
@QuarkusTest
class MfaResetTest {

    @Test
    void a_specialist_whose_app_was_removed_sets_up_a_new_one_at_the_next_sign_in() {
        Api.Account specialist = Api.create("SPECIALIST", "en");
        Api.admin().as().post("/api/v1/users/" + specialist.id() + "/mfa-reset").then().statusCode(204);

        // Every sign-in ended at once.
        given().auth().oauth2(specialist.token()).get("/api/v1/me").then().statusCode(401);
        // The password alone now gives a session that can only set up a new app.
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("username", specialist.username(), "password", Api.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200).body("mfaEnrolmentRequired", equalTo(true))
                .extract().path("token");
        given().auth().oauth2(token).get("/api/v1/clients").then().statusCode(403);
        List<String> codes = Api.enrolTotp(specialist.username(), token);
        assertEquals(10, codes.size());
        given().auth().oauth2(Api.login(specialist.username(), Api.PASSWORD)).get("/api/v1/clients").then().statusCode(200);

        // The owner is told, in their language, by whom.
        List<SmtpTestResource.Received> mails = SmtpTestResource.await(specialist.username() + "@example.org", 1);
        assertTrue(mails.get(0).subject().contains("Two-step verification was removed"), mails.get(0).subject());
        assertTrue(mails.get(0).text().contains("Hello Test " + specialist.username()), mails.get(0).text());
        assertTrue(mails.get(0).text().contains("the administrator "), mails.get(0).text());
    }

    @Test
    void only_an_admin_may_remove_someone_elses_second_factor() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account other = Api.create("SPECIALIST");
        Api.Account client = Api.create("CLIENT");
        other.as().post("/api/v1/users/" + specialist.id() + "/mfa-reset").then().statusCode(403);
        client.as().post("/api/v1/users/" + specialist.id() + "/mfa-reset").then().statusCode(403);
        given().contentType(ContentType.JSON).post("/api/v1/users/" + specialist.id() + "/mfa-reset").then().statusCode(401);
        // Refused attempts changed nothing: the specialist still signs in with a code.
        given().auth().oauth2(specialist.token()).get("/api/v1/me").then().statusCode(200);

        Api.Account admin = Api.admin();
        admin.as().post("/api/v1/users/" + admin.id() + "/mfa-reset").then().statusCode(409)
                .body("type", containsString("own-account"));
        admin.as().post("/api/v1/users/999999999/mfa-reset").then().statusCode(404);
        // A client without an app has nothing to remove.
        admin.as().post("/api/v1/users/" + client.id() + "/mfa-reset").then().statusCode(409);
    }

    @Test
    void the_users_page_offers_the_removal_to_admins() {
        Api.Account specialist = Api.create("SPECIALIST", "fi");
        Browser admin = Browser.newAdmin();
        admin.get("/users?q=" + specialist.username()).then().statusCode(200).body(containsString("/users/" + specialist.id() + "/mfa-reset"));
        admin.post("/users/" + specialist.id() + "/mfa-reset", Map.of()).then().statusCode(200)
                .body(containsString("Kaksivaiheinen tunnistus poistettiin"));
        given().auth().oauth2(specialist.token()).get("/api/v1/me").then().statusCode(401);
    }
}
