package fi.askel.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Linking broker identities to client accounts through the API, and the seam that turns a linked
 * identity into a sign-in (the broker itself is off here; BrokerCodeFlowTest runs the code flow).
 */
@QuarkusTest
class ExternalIdentityTest {

    static final String ISSUER = "https://broker.example/oidc";

    @Inject
    BrokerSignIn brokerSignIn;

    private static String path(long userId) {
        return "/api/v1/users/" + userId + "/external-identities";
    }

    private static Map<String, String> identity(String subject) {
        return Map.of("issuer", ISSUER, "subject", subject);
    }

    @Test
    void the_clients_specialist_links_an_identity_and_it_signs_the_client_in() {
        Rehab.Team team = Rehab.team();
        String subject = Api.unique("sub");
        long linkId = team.specialist().as().body(identity(subject)).post(path(team.client().id()))
                .then().statusCode(201).body("issuer", equalTo(ISSUER)).body("subject", equalTo(subject))
                .body("createdBy", equalTo((int) team.specialist().id()))
                .extract().jsonPath().getLong("id");
        team.specialist().as().get(path(team.client().id())).then().statusCode(200)
                .body("", hasSize(1)).body("[0].id", equalTo((int) linkId));
        Api.admin().as().get(path(team.client().id())).then().statusCode(200).body("[0].subject", equalTo(subject));

        // The seam: the verified identity becomes a full session of that client, usable at once.
        AuthService.Tokens tokens = brokerSignIn.signIn(ISSUER, subject, "test", "127.0.0.1").orElseThrow();
        assertFalse(tokens.enrolmentRequired());
        given().auth().oauth2(tokens.token()).get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo(team.client().username()));
        // The same subject from another broker, or another subject, signs nobody in.
        assertTrue(brokerSignIn.signIn("https://other.example", subject, "test", "127.0.0.1").isEmpty());
        assertTrue(brokerSignIn.signIn(ISSUER, subject.toUpperCase(), "test", "127.0.0.1").isEmpty());

        // Unlinked, it signs nobody in any more; sessions already started stay like any other sign-in.
        team.specialist().as().delete(path(team.client().id()) + "/" + linkId).then().statusCode(204);
        team.specialist().as().get(path(team.client().id())).then().statusCode(200).body("", hasSize(0));
        assertTrue(brokerSignIn.signIn(ISSUER, subject, "test", "127.0.0.1").isEmpty());
    }

    @Test
    void an_erased_account_keeps_no_link_and_its_identity_signs_nobody_in() {
        Rehab.Team team = Rehab.team();
        String subject = Api.unique("sub");
        Api.admin().as().body(identity(subject)).post(path(team.client().id())).then().statusCode(201);
        long request = team.client().as().body(Map.of("reason", "Please erase me")).post("/api/v1/me/erasure-request")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Api.admin().as().post("/api/v1/admin/erasure-requests/" + request + "/process").then().statusCode(200);

        Api.admin().as().get(path(team.client().id())).then().statusCode(200).body("", hasSize(0));
        assertTrue(brokerSignIn.signIn(ISSUER, subject, "test", "127.0.0.1").isEmpty());
    }

    @Test
    void only_an_admin_or_the_clients_specialist_may_see_or_change_the_links() {
        Rehab.Team team = Rehab.team();
        Api.Account stranger = Rehab.team().specialist();
        Api.Account otherClient = Api.create("CLIENT");
        String subject = Api.unique("sub");

        stranger.as().body(identity(subject)).post(path(team.client().id())).then().statusCode(404);
        stranger.as().get(path(team.client().id())).then().statusCode(404);
        team.client().as().body(identity(subject)).post(path(team.client().id())).then().statusCode(403);
        otherClient.as().get(path(team.client().id())).then().statusCode(403);
        given().contentType("application/json").get(path(team.client().id())).then().statusCode(401);
        Api.admin().as().body(identity(subject)).post(path(999_999_999L)).then().statusCode(404);
        assertTrue(brokerSignIn.signIn(ISSUER, subject, "test", "127.0.0.1").isEmpty(), "refused attempts linked nothing");

        long linkId = Api.admin().as().body(identity(subject)).post(path(team.client().id()))
                .then().statusCode(201).extract().jsonPath().getLong("id");
        stranger.as().delete(path(team.client().id()) + "/" + linkId).then().statusCode(404);
        // A link is removed only through the account it belongs to.
        Api.admin().as().delete(path(otherClient.id()) + "/" + linkId).then().statusCode(404);
        team.specialist().as().get(path(team.client().id())).then().statusCode(200).body("", hasSize(1));
        Api.admin().as().delete(path(team.client().id()) + "/" + linkId).then().statusCode(204);
        Api.admin().as().delete(path(team.client().id()) + "/" + linkId).then().statusCode(404);
    }

    @Test
    void staff_accounts_are_never_linked() {
        Rehab.Team team = Rehab.team();
        Api.admin().as().body(identity(Api.unique("sub"))).post(path(team.specialist().id())).then().statusCode(409)
                .body("type", containsString("staff-not-linkable"));
        // A specialist sees their own account, and still cannot link it.
        team.specialist().as().body(identity(Api.unique("sub"))).post(path(team.specialist().id())).then().statusCode(409);
        Api.admin().as().body(identity(Api.unique("sub"))).post(path(Api.admin().id())).then().statusCode(409);
        Api.admin().as().get(path(team.specialist().id())).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void an_identity_links_to_one_account_only() {
        Rehab.Team team = Rehab.team();
        Api.Account other = Api.create("CLIENT");
        String subject = Api.unique("sub");
        Api.admin().as().body(identity(subject)).post(path(team.client().id())).then().statusCode(201);
        Api.admin().as().body(identity(subject)).post(path(team.client().id())).then().statusCode(409)
                .body("type", containsString("external-identity-taken"));
        Api.admin().as().body(identity(" " + subject + " ")).post(path(other.id())).then().statusCode(409);
        Api.admin().as().get(path(other.id())).then().statusCode(200).body("", hasSize(0));
        // The same subject at another broker is another person.
        Api.admin().as().body(Map.of("issuer", "https://other-broker.example", "subject", subject))
                .post(path(other.id())).then().statusCode(201);
        assertEquals(team.client().username(), brokerSignIn.signIn(ISSUER, subject, "t", "127.0.0.1")
                .map(t -> t.user().username).orElse(null));
    }

    @Test
    void bad_input_names_the_field_and_links_nothing() {
        Rehab.Team team = Rehab.team();
        team.specialist().as().body(Map.of("issuer", ISSUER)).post(path(team.client().id())).then().statusCode(400)
                .body("violations[0].field", equalTo("subject"));
        team.specialist().as().body(Map.of("issuer", "broker", "subject", "x")).post(path(team.client().id()))
                .then().statusCode(400).body("violations[0].field", equalTo("issuer"));
        team.specialist().as().body(Map.of("issuer", ISSUER, "subject", "x".repeat(256))).post(path(team.client().id()))
                .then().statusCode(400).body("violations[0].field", equalTo("subject"));
        team.specialist().as().get(path(team.client().id())).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void with_the_broker_off_there_is_no_broker_sign_in() {
        Browser browser = new Browser().language("en");
        browser.get("/login").then().statusCode(200).body(not(containsString("/login/broker")))
                .body(not(containsString("strong identification")));
        // Nobody is sent to a broker: the anonymous go to Askel's own sign-in page.
        browser.get("/login/broker").then().statusCode(303)
                .header("Location", startsWith("/login?"));
        // A signed-in client does not reach it either.
        Api.Account client = Api.create("CLIENT");
        client.as().get("/login/broker").then().statusCode(404);
        Optional<AuthService.Tokens> none = brokerSignIn.signIn(ISSUER, Api.unique("unknown"), "t", "127.0.0.1");
        assertTrue(none.isEmpty());
    }
}
