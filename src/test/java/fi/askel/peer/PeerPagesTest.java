package fi.askel.peer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The peer group pages without JavaScript: rules on the first visit, starting and answering threads, forms with errors. */
@QuarkusTest
class PeerPagesTest {

    @Test
    void first_visit_shows_the_rules_and_the_pseudonym_then_the_group() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account client = Api.create("CLIENT");
        long group = Peer.group(specialist);
        Peer.add(specialist, group, client);
        Browser browser = new Browser().signIn(client.username(), Api.PASSWORD);
        browser.get("/").then().body(containsString("href=\"/groups\""));
        browser.get("/groups/" + group).then().statusCode(200)
                .body(containsString("Ryhmän säännöt"))
                .body(containsString("Hätätilanteessa soita 112."))
                .body(containsString("value=\"Test C.\""))
                .body(not(containsString("Aloita uusi keskustelu")));
        browser.post("/groups/" + group + "/rules", Map.of("pseudonym", "<x>")).then().statusCode(400)
                .body(containsString("aria-invalid=\"true\""));
        browser.post("/groups/" + group + "/rules", Map.of("pseudonym", "Aamukahvi")).then().statusCode(303);
        browser.get("/groups/" + group).then().statusCode(200)
                .body(containsString("Aloita uusi keskustelu"))
                .body(not(containsString("Ryhmän säännöt")));
        client.as().get("/api/v1/groups/" + group).then().body("pseudonym", org.hamcrest.Matchers.equalTo("Aamukahvi"));
    }

    @Test
    void a_group_can_have_its_own_rules() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account client = Api.create("CLIENT");
        long group = Peer.group(specialist);
        specialist.as().body(Map.of("name", "Own rules", "description", "", "rules", "1. **Be kind.**\n2. <b>No</b> spam."))
                .put("/api/v1/groups/" + group).then().statusCode(200).body("rules", containsString("Be kind"));
        Peer.add(specialist, group, client);
        new Browser().signIn(client.username(), Api.PASSWORD).get("/groups/" + group).then()
                .body(containsString("<strong>Be kind.</strong>"))
                .body(containsString("&lt;b&gt;No&lt;/b&gt; spam."))
                .body(not(containsString("Ole ystävällinen ja kunnioittava.")));
        Browser moderator = new Browser().signIn(specialist.username(), Api.PASSWORD);
        moderator.get("/groups/" + group + "/moderation").then().body(containsString("Be kind."));
        moderator.post("/groups/" + group + "/moderation/details", Map.of("name", "Own rules", "description", "", "rules", ""))
                .then().statusCode(303);
        client.as().get("/api/v1/groups/" + group).then().body("rules", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void start_a_thread_and_reply_with_forms() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account client = Api.create("CLIENT");
        Api.Account other = Api.create("CLIENT");
        long group = Peer.group(specialist, client, other);
        Browser browser = new Browser().signIn(client.username(), Api.PASSWORD);
        browser.get("/groups/" + group);
        browser.post("/groups/" + group + "/threads", Map.of("title", "", "body", "Text I typed")).then().statusCode(400)
                .body(containsString("Text I typed"))
                .body(containsString("class=\"error\""));
        Response created = browser.post("/groups/" + group + "/threads", Map.of("title", "Uni", "body", "Miten nukutte?"));
        assertEquals(303, created.statusCode());
        String location = created.header("Location").replaceFirst("^https?://[^/]+", "");
        assertTrue(location.startsWith("/threads/"), location);
        browser.get(location).then().statusCode(200).body(containsString("<h1>Uni</h1>")).body(containsString("Miten nukutte?"));
        long thread = Long.parseLong(location.substring("/threads/".length()));

        Browser second = new Browser().signIn(other.username(), Api.PASSWORD);
        long first = Peer.firstPost(other, thread);
        second.get("/threads/" + thread + "?page=0&replyTo=" + first).then().body(containsString("name=\"replyTo\""));
        second.post("/threads/" + thread + "/posts", Map.of("body", "x".repeat(10_001))).then().statusCode(400)
                .body(containsString("10000"));
        second.post("/threads/" + thread + "/posts", Map.of("body", "Huonosti, **valitettavasti**.", "replyTo",
                String.valueOf(first))).then().statusCode(303);
        browser.get("/threads/" + thread).then()
                .body(containsString("<strong>valitettavasti</strong>"))
                .body(containsString("Vastaus viestiin: Test C."));
        // A form without its CSRF token is refused and changes nothing.
        second.post("/threads/" + thread + "/posts", Map.of("body", "forged", "csrf-token", "forged")).then().statusCode(400);
        other.as().get("/api/v1/threads/" + thread).then().body("posts.total", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void specialist_creates_a_group_and_adds_members_in_the_browser() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account client = Api.create("CLIENT");
        Browser browser = new Browser().signIn(specialist.username(), Api.PASSWORD);
        browser.get("/groups").then().statusCode(200).body(containsString("Uusi vertaisryhmä"));
        browser.post("/groups", Map.of("name", "", "description", "")).then().statusCode(400);
        Response r = browser.post("/groups", Map.of("name", "Kevään kurssi", "description", "Selkäkurssin ryhmä"));
        assertEquals(303, r.statusCode());
        String groupPath = r.header("Location").replaceFirst("^https?://[^/]+", "");
        browser.get(groupPath + "/moderation").then().statusCode(200)
                .body(containsString("<option value=\"" + client.id() + "\""));
        browser.post(groupPath + "/moderation/members", Map.of("userId", String.valueOf(client.id()))).then().statusCode(303);
        browser.get(groupPath + "/moderation?done=member-added").then().body(containsString("Jäsen lisättiin."))
                .body(containsString("Test " + client.username()));
        client.as().get("/api/v1/groups").then().body("name", org.hamcrest.Matchers.hasItem("Kevään kurssi"));
        client.as().get("/api/v1/notifications").then().body("kind", org.hamcrest.Matchers.hasItem("ADDED"));
        browser.post(groupPath + "/moderation/archive", Map.of("archived", "true")).then().statusCode(303);
        browser.get(groupPath).then().body(containsString("Ryhmä on arkistoitu"))
                .body(not(containsString("Aloita uusi keskustelu")));
        // A client cannot create groups from the page either.
        new Browser().signIn(client.username(), Api.PASSWORD).get("/groups").then()
                .body(not(containsString("Uusi vertaisryhmä")));
    }
}
