package fi.askel.peer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Other clients know a client only by the pseudonym: not in JSON, notifications, history or page source. */
@QuarkusTest
class PeerPseudonymTest {

    @Test
    void default_pseudonym_is_first_name_and_initial_and_unique_in_the_group() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account a = Api.create("CLIENT");
        Api.Account b = Api.create("CLIENT");
        long group = Peer.group(specialist, a, b);
        // Both are called "Test <username>": the second one gets a number.
        a.as().get("/api/v1/groups/" + group).then().body("pseudonym", equalTo("Test C."));
        b.as().get("/api/v1/groups/" + group).then().body("pseudonym", equalTo("Test C. 2"));
        specialist.as().get("/api/v1/groups/" + group).then().body("pseudonym", nullValue());
    }

    @Test
    void another_client_never_sees_who_is_behind_a_pseudonym() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account author = Api.create("CLIENT");
        Api.Account reader = Api.create("CLIENT");
        long group = Peer.group(specialist, author, reader);
        author.as().body(Map.of("pseudonym", "Forest Path")).put("/api/v1/groups/" + group + "/me").then().statusCode(200)
                .body("pseudonym", equalTo("Forest Path"));
        long thread = Peer.thread(reader, group, "Hello all", "How are you doing?");
        long first = Peer.firstPost(reader, thread);
        long reply = Peer.post(author, thread, "My back hurts less this week.", first);
        author.as().body(Map.of("body", "My back hurts much less this week.")).put("/api/v1/posts/" + reply)
                .then().statusCode(200).body("edited", equalTo(true));
        Peer.post(reader, thread, "Glad to hear!", reply);

        List<String> secrets = List.of(author.username(), "Test " + author.username());
        String[] seenByReader = {
                reader.as().get("/api/v1/threads/" + thread).asString(),
                reader.as().get("/api/v1/groups/" + group + "/threads").asString(),
                reader.as().get("/api/v1/groups/" + group + "/members").asString(),
                reader.as().get("/api/v1/groups").asString(),
                reader.as().get("/api/v1/notifications").asString(),
                author.as().get("/api/v1/notifications").asString(),
        };
        for (String body : seenByReader) {
            for (String secret : secrets) {
                assertFalse(body.contains(secret), "leaked " + secret + " in " + body);
            }
            assertFalse(body.contains("\"userId\":" + author.id()), body);
            assertFalse(body.contains("realName"), body);
        }
        reader.as().get("/api/v1/threads/" + thread).then()
                .body("posts.items.author.name", hasItem("Forest Path"))
                .body("posts.items[2].replyTo.author", equalTo("Forest Path"))
                .body("posts.items[1].author.mine", equalTo(false));
        // Earlier versions of a post are for moderators only.
        reader.as().get("/api/v1/posts/" + reply + "/revisions").then().statusCode(403);

        Browser browser = new Browser().signIn(reader.username(), Api.PASSWORD);
        for (String page : List.of("/groups", "/groups/" + group, "/threads/" + thread, "/notifications", "/")) {
            String html = browser.get(page).then().statusCode(200).extract().asString();
            for (String secret : secrets) {
                assertFalse(html.contains(secret), "leaked " + secret + " on " + page);
            }
        }
        assertTrue(browser.get("/threads/" + thread).asString().contains("Forest Path"));
    }

    @Test
    void specialists_of_the_group_see_who_wrote_what() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account author = Api.create("CLIENT");
        long group = Peer.group(specialist, author);
        long thread = Peer.thread(author, group, "Question", "Is it normal to feel tired?");
        long post = Peer.firstPost(author, thread);
        Peer.post(author, thread, "A second thought");
        specialist.as().get("/api/v1/threads/" + thread).then()
                .body("posts.items[0].author.name", equalTo("Test C."))
                .body("posts.items[0].author.realName", equalTo("Test " + author.username()))
                .body("posts.items[0].author.userId", equalTo((int) author.id()));
        specialist.as().get("/api/v1/groups/" + group + "/members").then()
                .body("realName", hasItem("Test " + author.username()));
        author.as().delete("/api/v1/posts/" + post).then().statusCode(200).body("removed", equalTo(true));
        specialist.as().get("/api/v1/posts/" + post + "/revisions").then().statusCode(200)
                .body("body", hasItem("Is it normal to feel tired?"));
        new Browser().signIn(specialist.username(), Api.PASSWORD).get("/threads/" + thread).then()
                .body(containsString("Test " + author.username()));
    }

    @Test
    void a_pseudonym_must_be_valid_and_free() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account a = Api.create("CLIENT");
        Api.Account b = Api.create("CLIENT");
        long group = Peer.group(specialist, a, b);
        a.as().body(Map.of("pseudonym", "Morning Coffee")).put("/api/v1/groups/" + group + "/me").then().statusCode(200);
        b.as().header("Accept-Language", "en").body(Map.of("pseudonym", "morning coffee")).put("/api/v1/groups/" + group + "/me")
                .then().statusCode(409).body("detail", containsString("already in use"));
        for (String bad : List.of("x", "<b>Bold</b>", " ", "A".repeat(41))) {
            b.as().body(Map.of("pseudonym", bad)).put("/api/v1/groups/" + group + "/me").then().statusCode(400)
                    .body("violations.field", hasItem("pseudonym"));
        }
        // A client cannot take the specialist's name to pose as the moderator.
        String specialistName = "Test " + specialist.username();
        b.as().body(Map.of("pseudonym", specialistName.substring(0, Math.min(36, specialistName.length()))))
                .put("/api/v1/groups/" + group + "/me").then().statusCode(409);
        b.as().get("/api/v1/groups/" + group).then().body("pseudonym", not(equalTo("morning coffee")));
    }
}
