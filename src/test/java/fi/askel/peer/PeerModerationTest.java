package fi.askel.peer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Reports go to the group's specialists; they hide posts (with a reason for the author), lock threads, remove members. */
@QuarkusTest
class PeerModerationTest {

    @Test
    void report_then_hide() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account author = Api.create("CLIENT");
        Api.Account reporter = Api.create("CLIENT");
        long group = Peer.group(specialist, author, reporter);
        long thread = Peer.thread(author, group, "Contacts", "Call me at 040 123 4567, I live at Kotikatu 5.");
        long post = Peer.firstPost(author, thread);

        reporter.as().body(Map.of("reason", "Shares personal details")).post("/api/v1/posts/" + post + "/report")
                .then().statusCode(202);
        reporter.as().body(Map.of("reason", "Again")).post("/api/v1/posts/" + post + "/report").then().statusCode(409);
        reporter.as().body(Map.of("reason", " ")).post("/api/v1/posts/" + post + "/report").then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        author.as().body(Map.of("reason", "Mine")).post("/api/v1/posts/" + post + "/report").then().statusCode(409);

        specialist.as().get("/api/v1/notifications?unread=true").then().body("kind", hasItem("REPORT"));
        specialist.as().get("/api/v1/reports?groupId=" + group).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].kind", equalTo("REPORT"))
                .body("[0].reason", equalTo("Shares personal details"))
                .body("[0].reporter", containsString("Test " + reporter.username()))
                .body("[0].postAuthor.realName", equalTo("Test " + author.username()));
        specialist.as().get("/api/v1/groups/" + group).then().body("openReports", equalTo(1));

        specialist.as().body(Map.of("reason", "Please do not share phone numbers here.")).post("/api/v1/posts/" + post + "/hide")
                .then().statusCode(200).body("hidden", equalTo(true));
        specialist.as().get("/api/v1/reports?groupId=" + group).then().body("", hasSize(0));

        reporter.as().get("/api/v1/threads/" + thread).then()
                .body("posts.items[0].hidden", equalTo(true))
                .body("posts.items[0].body", nullValue())
                .body("posts.items[0].html", nullValue())
                .body("posts.items[0].hiddenReason", nullValue());
        author.as().get("/api/v1/threads/" + thread).then()
                .body("posts.items[0].hidden", equalTo(true))
                .body("posts.items[0].body", containsString("040 123 4567"))
                .body("posts.items[0].hiddenReason", equalTo("Please do not share phone numbers here."));
        author.as().header("Accept-Language", "en").get("/api/v1/notifications").then()
                .body("kind", hasItem("HIDDEN"))
                .body("text", hasItem(containsString("A moderator hid your post in the thread \"Contacts\"")));
        new Browser().signIn(reporter.username(), Api.PASSWORD).get("/threads/" + thread).then()
                .body(containsString("Valvoja piilotti viestin."))
                .body(not(containsString("040 123 4567")));
        new Browser().signIn(author.username(), Api.PASSWORD).get("/threads/" + thread).then()
                .body(containsString("Syy: Please do not share phone numbers here."));

        // The hidden post opened the thread, so its title is hidden from the other members too.
        reporter.as().get("/api/v1/groups/" + group + "/threads").then()
                .body("items[0].hidden", equalTo(true)).body("items[0].title", nullValue());
        reporter.as().get("/api/v1/threads/" + thread).then().body("title", nullValue());
        author.as().get("/api/v1/threads/" + thread).then().body("title", equalTo("Contacts"));
        new Browser().signIn(reporter.username(), Api.PASSWORD).get("/groups/" + group).then()
                .body(containsString("Valvoja piilotti keskustelun")).body(not(containsString("Contacts")));

        specialist.as().post("/api/v1/posts/" + post + "/unhide").then().statusCode(200).body("hidden", equalTo(false));
        reporter.as().get("/api/v1/threads/" + thread).then().body("posts.items[0].body", containsString("Kotikatu"));
    }

    @Test
    void the_same_report_sent_many_times_at_once_counts_once() throws Exception {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account author = Api.create("CLIENT");
        Api.Account reporter = Api.create("CLIENT");
        long group = Peer.group(specialist, author, reporter);
        long post = Peer.firstPost(author, Peer.thread(author, group, "Once", "Report me"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Integer> report = () -> reporter.as().body(Map.of("reason", "Twice?"))
                    .post("/api/v1/posts/" + post + "/report").statusCode();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(List.of(report, report, report, report))) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 202).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        specialist.as().get("/api/v1/reports?groupId=" + group).then().body("", hasSize(1));
    }

    @Test
    void a_dismissed_report_leaves_the_post_as_it_was() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account author = Api.create("CLIENT");
        Api.Account reporter = Api.create("CLIENT");
        long group = Peer.group(specialist, author, reporter);
        long thread = Peer.thread(author, group, "Opinions", "I prefer swimming to walking.");
        long post = Peer.firstPost(author, thread);
        reporter.as().body(Map.of("reason", "I disagree")).post("/api/v1/posts/" + post + "/report").then().statusCode(202);
        long report = specialist.as().get("/api/v1/reports").then().extract().jsonPath()
                .getLong("find { it.postId == " + post + " }.id");
        reporter.as().post("/api/v1/reports/" + report + "/dismiss").then().statusCode(403);
        Api.create("SPECIALIST").as().post("/api/v1/reports/" + report + "/dismiss").then().statusCode(404);
        specialist.as().post("/api/v1/reports/" + report + "/dismiss").then().statusCode(204);
        specialist.as().get("/api/v1/reports?groupId=" + group).then().body("", hasSize(0));
        reporter.as().get("/api/v1/threads/" + thread).then().body("posts.items[0].hidden", equalTo(false));
    }

    @Test
    void a_locked_thread_takes_no_replies_from_members() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account client = Api.create("CLIENT");
        long group = Peer.group(specialist, client);
        long thread = Peer.thread(client, group, "Heated", "Let's argue");
        specialist.as().post("/api/v1/threads/" + thread + "/lock").then().statusCode(200).body("locked", equalTo(true));
        client.as().header("Accept-Language", "en").body(Map.of("body", "But wait")).post("/api/v1/threads/" + thread + "/posts")
                .then().statusCode(409).body("detail", containsString("locked"));
        client.as().get("/api/v1/threads/" + thread).then().body("canPost", equalTo(false));
        client.as().get("/api/v1/groups/" + group + "/threads").then().body("items[0].locked", equalTo(true));
        Peer.post(specialist, thread, "Let's continue in a new thread, calmly.");
        specialist.as().post("/api/v1/threads/" + thread + "/unlock").then().statusCode(200);
        Peer.post(client, thread, "Sorry, I got carried away.");
    }

    @Test
    void a_removed_member_loses_access_but_their_posts_keep_the_pseudonym() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account leaver = Api.create("CLIENT");
        Api.Account stayer = Api.create("CLIENT");
        long group = Peer.group(specialist, leaver, stayer);
        long thread = Peer.thread(leaver, group, "Bye", "Trolling here");
        specialist.as().delete("/api/v1/groups/" + group + "/members/" + leaver.id()).then().statusCode(204);
        leaver.as().get("/api/v1/groups/" + group).then().statusCode(404);
        leaver.as().get("/api/v1/threads/" + thread).then().statusCode(404);
        leaver.as().body(Map.of("body", "still here?")).post("/api/v1/threads/" + thread + "/posts").then().statusCode(404);
        leaver.as().get("/api/v1/groups").then().body("id", not(hasItem((int) group)));
        stayer.as().get("/api/v1/threads/" + thread).then().body("posts.items[0].author.name", equalTo("Test C."));
        stayer.as().get("/api/v1/groups/" + group + "/members").then().body("", hasSize(2));
        // The group's only moderator stays.
        specialist.as().delete("/api/v1/groups/" + group + "/members/" + specialist.id()).then().statusCode(409);
        // Added back, the member keeps their pseudonym and can read again.
        Peer.add(specialist, group, leaver);
        leaver.as().get("/api/v1/groups/" + group).then().statusCode(200).body("pseudonym", equalTo("Test C."));
    }

    @Test
    void moderator_handles_a_report_in_the_browser() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account author = Api.create("CLIENT");
        Api.Account reporter = Api.create("CLIENT");
        long group = Peer.group(specialist, author, reporter);
        long thread = Peer.thread(author, group, "Advert", "Buy my supplements at cheap-pills.example!");
        long post = Peer.firstPost(author, thread);

        Browser client = new Browser().signIn(reporter.username(), Api.PASSWORD);
        client.get("/posts/" + post + "/report").then().statusCode(200).body(containsString("Miksi ilmoitat"));
        client.post("/posts/" + post + "/report", Map.of("reason", "")).then().statusCode(400)
                .body(containsString("role=\"alert\""));
        client.post("/posts/" + post + "/report", Map.of("reason", "Spam")).then().statusCode(303);

        Browser moderator = new Browser().signIn(specialist.username(), Api.PASSWORD);
        moderator.get("/groups/" + group + "/moderation").then().statusCode(200)
                .body(containsString("Spam"))
                .body(containsString("Test " + reporter.username()))
                .body(containsString("/posts/" + post + "/hide"));
        moderator.get("/posts/" + post + "/hide").then().statusCode(200);
        moderator.post("/posts/" + post + "/hide", Map.of("reason", "Advertising is not allowed.")).then().statusCode(303);
        moderator.get("/groups/" + group + "/moderation").then().body(containsString("Nyt ei ole mitään käsiteltävää."));
        client.get("/threads/" + thread).then().body(containsString("Valvoja piilotti viestin."))
                .body(not(containsString("cheap-pills")));
        // A client never gets the moderation page.
        client.get("/groups/" + group + "/moderation").then().statusCode(403);
        client.get("/posts/" + post + "/hide").then().statusCode(403);
    }
}
