package fi.askel.peer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.SmtpTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A post with distress signals is published, the author sees crisis contacts, and the specialists are alerted at once. */
@QuarkusTest
class PeerDistressTest {


    @Test
    void distress_alerts_the_specialists_and_shows_the_author_crisis_contacts() {
        String email = Api.unique("sanna") + "@askel.example";
        String specialistName = Api.unique("spec");
        long specialistId = Api.admin().as().body(Map.of("username", specialistName, "displayName", "Sanna S",
                "role", "SPECIALIST", "locale", "fi", "email", email, "password", Api.PASSWORD))
                .post("/api/v1/users").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.Account specialist = new Api.Account(specialistId, specialistName, "SPECIALIST", Api.login(specialistName, Api.PASSWORD));
        Api.Account author = Api.create("CLIENT");
        Api.Account peer = Api.create("CLIENT");
        long group = Peer.group(specialist, author, peer);
        long thread = Peer.thread(peer, group, "How is your week?", "Mine is fine.");

        String text = "En jaksa enää elää. Olen ajatellut itsemurhaa.";
        SmtpTestResource.Window window = SmtpTestResource.window();
        long post = author.as().body(Map.of("body", text)).post("/api/v1/threads/" + thread + "/posts").then().statusCode(201)
                .body("crisisHelp", containsString("112"))
                .body("crisisHelp", containsString("09 2525 0111"))
                .body("distress", equalTo(true))
                .extract().jsonPath().getLong("id");

        // Published, not blocked: the peer sees the post, but not that it raised an alert.
        peer.as().get("/api/v1/threads/" + thread).then()
                .body("posts.items[1].body", equalTo(text))
                .body("posts.items[1].distress", nullValue())
                .body("posts.items[1].crisisHelp", nullValue());
        specialist.as().get("/api/v1/notifications?unread=true").then().body("kind", hasItem("DISTRESS"));
        specialist.as().get("/api/v1/reports?groupId=" + group).then()
                .body("[0].kind", equalTo("DISTRESS"))
                .body("[0].postId", equalTo((int) post))
                .body("[0].postAuthor.realName", equalTo("Test " + author.username()));
        specialist.as().get("/api/v1/threads/" + thread).then().body("posts.items[1].distress", equalTo(true));

        List<SmtpTestResource.Received> mails = SmtpTestResource.await(email, 1);
        assertEquals(1, mails.size());
        SmtpTestResource.Received mail = mails.get(0);
        assertTrue(mail.subject().contains("Askel"), mail.subject());
        assertTrue(mail.text().contains("/groups/" + group + "/moderation"), mail.text());
        assertFalse(mail.text().contains("itsemurhaa"), "the post stays inside the service");
        assertFalse(mail.text().contains(author.username()), "no names in email");
        // The alert goes to the group's specialists only: not to the author, nor to the other members (who have addresses).
        assertEquals(List.of(), sentTo(window, author, peer));

        // The author's page shows the crisis contacts straight away; a peer's does not.
        Browser browser = new Browser().signIn(author.username(), Api.PASSWORD);
        browser.get("/threads/" + thread).then().statusCode(200);
        var r = browser.post("/threads/" + thread + "/posts", Map.of("body", "Haluan kuolla."));
        assertEquals(303, r.statusCode());
        assertTrue(r.header("Location").contains("crisis=1"), r.header("Location"));
        browser.get(r.header("Location").replaceFirst("^https?://[^/]+", "").replaceFirst("#.*", "")).then()
                .body(containsString("role=\"alert\""))
                .body(containsString("Hätätilanteessa soita 112."))
                .body(containsString("09 2525 0111"));
        new Browser().signIn(peer.username(), Api.PASSWORD).get("/threads/" + thread).then()
                .body(not(containsString("saivat hälytyksen")));

        // The second distress post alerted the specialist again; the members still got nothing.
        assertEquals(2, SmtpTestResource.await(email, 2).size());
        assertEquals(List.of(), sentTo(window, author, peer));
    }

    private static List<SmtpTestResource.Delivered> sentTo(SmtpTestResource.Window window, Api.Account... members) {
        List<String> addresses = java.util.Arrays.stream(members).map(m -> m.username() + "@example.org").toList();
        return window.delivered().stream().filter(m -> addresses.contains(m.to())).toList();
    }

    @Test
    void ordinary_posts_raise_no_alert() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account author = Api.create("CLIENT");
        long group = Peer.group(specialist, author);
        long thread = Peer.thread(author, group, "Kävely", "Kävin tänään pitkällä kävelyllä ja selkä tuntui paremmalta.");
        author.as().get("/api/v1/threads/" + thread).then().body("posts.items[0].distress", equalTo(false))
                .body("posts.items[0].crisisHelp", nullValue());
        specialist.as().get("/api/v1/reports?groupId=" + group).then().body("kind", not(hasItem("DISTRESS")));
    }

    @Test
    void editing_a_post_into_distress_alerts_too() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account author = Api.create("CLIENT", "en");
        long group = Peer.group(specialist, author);
        long thread = Peer.thread(author, group, "Week", "It was a week.");
        long post = Peer.firstPost(author, thread);
        author.as().body(Map.of("body", "Honestly I want to die.")).put("/api/v1/posts/" + post).then().statusCode(200)
                .body("crisisHelp", containsString("call 112"));
        specialist.as().get("/api/v1/reports?groupId=" + group).then().body("kind", hasItem("DISTRESS"));
    }
}
