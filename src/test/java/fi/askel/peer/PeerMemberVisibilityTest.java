package fi.askel.peer;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.askel.support.Api;
import fi.askel.support.Rehab;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A moderator adds only people they may see (the ClientDirectory rule): another specialist's client,
 * an admin and an id nobody has all get the same 404, naming nobody, so ids cannot be used to find accounts.
 */
@QuarkusTest
class PeerMemberVisibilityTest {

    @Test
    void a_specialist_cannot_add_another_specialists_client_nor_learn_which_ids_exist() {
        Rehab.Team theirs = Rehab.team();
        Api.Account specialist = Api.create("SPECIALIST");
        long group = Peer.group(specialist);
        Api.Account staff = Api.create("SPECIALIST");
        long admin = Api.admin().id();

        Response otherClient = add(specialist, group, theirs.client().id());
        Response colleague = add(specialist, group, staff.id());
        Response administrator = add(specialist, group, admin);
        Response nobody = add(specialist, group, 999_999_999L);
        for (Response r : new Response[] {otherClient, colleague, administrator, nobody}) {
            r.then().statusCode(404).contentType("application/problem+json")
                    .body(not(containsString(theirs.client().username())))
                    .body(not(containsString(staff.username())));
        }
        // One answer for all four: the same body apart from the instance.
        assertEquals(nobody.jsonPath().getString("detail"), otherClient.jsonPath().getString("detail"));
        assertEquals(nobody.jsonPath().getString("type"), administrator.jsonPath().getString("type"));
        assertEquals(nobody.jsonPath().getString("title"), colleague.jsonPath().getString("title"));
        // Nothing changed: the other specialist's client is in no group of this specialist.
        theirs.client().as().get("/api/v1/groups").then().statusCode(200).body("size()", equalTo(0));

        // The responsible specialist may add their own client; a new client nobody follows yet is visible too.
        long own = Peer.group(theirs.specialist());
        add(theirs.specialist(), own, theirs.client().id()).then().statusCode(201);
        Api.Account newcomer = Api.create("CLIENT");
        add(specialist, group, newcomer.id()).then().statusCode(201);
    }

    private static Response add(Api.Account moderator, long group, long userId) {
        return moderator.as().body(Map.of("userId", userId)).post("/api/v1/groups/" + group + "/members");
    }
}
