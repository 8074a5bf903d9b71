package fi.askel.content.authoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Authoring modules is a permission an admin gives a specialist, not a role; every authoring door checks it. */
@QuarkusTest
class AuthoringPermissionTest {

    @Test
    void a_specialist_authors_only_while_an_admin_allows_it() {
        Api.Account specialist = Api.create("SPECIALIST", "en");
        specialist.as().get("/api/v1/authoring/drafts").then().statusCode(403)
                .body("detail", containsString("An admin can give it to you"));
        specialist.as().body(Map.of("slug", "not-allowed")).post("/api/v1/authoring/drafts").then().statusCode(403);

        Api.admin().as().body(Map.of("granted", true)).put("/api/v1/users/" + specialist.id() + "/authoring")
                .then().statusCode(200).body("granted", equalTo(true));
        long id = Authors.newDraft(specialist);
        specialist.as().get("/api/v1/authoring/drafts/" + id).then().statusCode(200);
        // Still a specialist: the role is unchanged.
        specialist.as().get("/api/v1/me").then().statusCode(200).body("role", equalTo("SPECIALIST"));

        Authors.grant(specialist, false);
        specialist.as().get("/api/v1/authoring/drafts").then().statusCode(403);
        specialist.as().get("/api/v1/authoring/drafts/" + id).then().statusCode(403);
        specialist.as().body(Map.of("revision", 0, "definition", Map.of("slug", "x")))
                .put("/api/v1/authoring/drafts/" + id).then().statusCode(403);
    }

    @Test
    void clients_admins_and_other_specialists_are_refused_at_every_authoring_door() {
        Api.Account author = Authors.author();
        long id = Authors.newDraft(author);
        Api.Account client = Api.create("CLIENT");
        Api.Account other = Api.create("SPECIALIST");
        for (Api.Account stranger : new Api.Account[] {client, other, Api.admin()}) {
            stranger.as().get("/api/v1/authoring/drafts").then().statusCode(403);
            stranger.as().get("/api/v1/authoring/drafts/" + id).then().statusCode(403);
            stranger.as().body(Map.of("slug", "stranger-draft")).post("/api/v1/authoring/drafts").then().statusCode(403);
            stranger.as().body(Map.of("revision", 0, "definition", Map.of("slug", "changed")))
                    .put("/api/v1/authoring/drafts/" + id).then().statusCode(403);
        }
        given().contentType(ContentType.JSON).get("/api/v1/authoring/drafts").then().statusCode(401);
        // Nothing they tried changed the draft.
        author.as().get("/api/v1/authoring/drafts/" + id).then().statusCode(200).body("revision", equalTo(0));

        // The pages too: the list, the editor, a step form, the preview.
        Browser page = new Browser().signIn(other.username(), Api.PASSWORD);
        for (String path : new String[] {"/authoring", "/authoring/drafts/" + id, "/authoring/drafts/" + id + "/steps/0",
                "/authoring/drafts/" + id + "/preview"}) {
            assertEquals(403, page.get(path).statusCode(), path);
        }
        assertEquals(403, page.post("/authoring/drafts", Map.of("slug", "by-stranger")).statusCode());
    }

    @Test
    void only_a_specialist_can_be_given_the_permission_and_only_by_an_admin() {
        Api.Account client = Api.create("CLIENT");
        Api.Account specialist = Api.create("SPECIALIST");
        Api.admin().as().body(Map.of("granted", true)).put("/api/v1/users/" + client.id() + "/authoring")
                .then().statusCode(409).body("type", containsString("specialists-only"));
        Api.admin().as().body(Map.of()).put("/api/v1/users/" + specialist.id() + "/authoring").then().statusCode(400)
                .body("violations[0].field", equalTo("granted"));
        Api.admin().as().body(Map.of("granted", true)).put("/api/v1/users/999999999/authoring").then().statusCode(404);
        specialist.as().body(Map.of("granted", true)).put("/api/v1/users/" + specialist.id() + "/authoring")
                .then().statusCode(403);
        specialist.as().get("/api/v1/authoring/drafts").then().statusCode(403);
    }

    @Test
    void the_admin_switches_it_on_and_off_on_the_account_list() {
        Api.Account specialist = Api.create("SPECIALIST", "en");
        // The admin's own language (Finnish) is the page's.
        Browser admin = Browser.newAdmin();
        String list = admin.get("/users?q=" + specialist.username()).asString();
        assertTrue(list.contains("Salli moduulien laatiminen: Test " + specialist.username()), list);

        String granted = admin.post("/users/" + specialist.id() + "/authoring", Map.of("granted", "true", "q", specialist.username())).then().statusCode(200)
                .extract().asString();
        assertTrue(granted.contains("Test " + specialist.username() + " voi nyt laatia ja muokata moduuleja"), granted);
        assertTrue(granted.contains("Peru moduulien laatimisen lupa: Test " + specialist.username()), "the switch now revokes");
        Browser author = new Browser().language("en").signIn(specialist.username(), Api.PASSWORD);
        assertEquals(200, author.get("/authoring").statusCode());
        assertTrue(author.get("/modules").asString().contains("href=\"/authoring\""), "the catalogue leads an author to the editor");

        admin.get("/users?q=" + specialist.username());
        String revoked = admin.post("/users/" + specialist.id() + "/authoring", Map.of("granted", "false", "q", specialist.username())).then().statusCode(200)
                .extract().asString();
        assertTrue(revoked.contains("ei enää voi laatia eikä muokata moduuleja"), revoked);
        assertEquals(403, author.get("/authoring").statusCode());
        assertTrue(!author.get("/modules").asString().contains("href=\"/authoring\""), "no editor link without the permission");
    }
}
