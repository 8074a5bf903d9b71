package fi.askel.peer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fi.askel.identity.DemoAccounts;
import fi.askel.identity.DemoDataTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both demo clients share one peer group moderated by demo-specialist, and see each other by pseudonym only. */
@QuarkusTest
@TestProfile(DemoDataTest.Demo.class)
class PeerDemoDataTest {

    private static String token(String username) {
        return fi.askel.support.Api.login(username, DemoAccounts.PASSWORD);
    }

    @Test
    void demo_clients_share_a_group_with_welcoming_threads() {
        String client = token("demo-client");
        String client2 = token("demo-client2");
        long group = given().auth().oauth2(client).get("/api/v1/groups").then().statusCode(200)
                .body("", hasSize(1)).body("[0].memberCount", equalTo(3)).body("[0].rulesAccepted", equalTo(false))
                .extract().jsonPath().getLong("[0].id");
        given().auth().oauth2(client2).get("/api/v1/groups").then().body("id", hasItem((int) group));
        given().auth().oauth2(client).contentType("application/json").post("/api/v1/groups/" + group + "/rules/accept").then().statusCode(200);
        given().auth().oauth2(client).get("/api/v1/groups/" + group + "/threads").then()
                .body("items", hasSize(2)).body("items[0].pinned", equalTo(true));
        long thread = given().auth().oauth2(client).get("/api/v1/groups/" + group + "/threads").jsonPath().getLong("items[1].id");
        String body = given().auth().oauth2(client).get("/api/v1/threads/" + thread).then().statusCode(200)
                .body("posts.items.author.name", hasItem("Havsbris")).extract().asString();
        assertFalse(body.contains("Greta Lindholm"));
        given().auth().oauth2(token("demo-specialist")).get("/api/v1/threads/" + thread).then()
                .body("posts.items.author.realName", hasItem("Greta Lindholm"));
    }
}
