package fi.askel.peer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Threads and posts: paging and order, unread counts, edit window, removal, limits, rules and archiving. */
@QuarkusTest
class PeerThreadsTest {

    @Test
    void threads_page_newest_activity_first_and_posts_oldest_first() {
        Api.Account specialist = Api.create("SPECIALIST");
        long group = Peer.group(specialist);
        List<Long> threads = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            threads.add(Peer.thread(specialist, group, "Thread " + i, "Body " + i));
        }
        specialist.as().get("/api/v1/groups/" + group + "/threads").then().statusCode(200)
                .body("items", hasSize(20)).body("total", equalTo(23)).body("totalPages", equalTo(2))
                .body("items[0].title", equalTo("Thread 22")).body("items[19].title", equalTo("Thread 3"));
        specialist.as().get("/api/v1/groups/" + group + "/threads?page=1").then()
                .body("items", hasSize(3)).body("items[2].title", equalTo("Thread 0"));
        // A reply brings the oldest thread to the top; a pinned one stays above it.
        Peer.post(specialist, threads.get(0), "Bump");
        specialist.as().get("/api/v1/groups/" + group + "/threads").then().body("items[0].title", equalTo("Thread 0"));
        specialist.as().post("/api/v1/threads/" + threads.get(5) + "/pin").then().statusCode(200);
        specialist.as().get("/api/v1/groups/" + group + "/threads").then()
                .body("items[0].title", equalTo("Thread 5")).body("items[0].pinned", equalTo(true))
                .body("items[1].title", equalTo("Thread 0"));

        long thread = threads.get(1);
        for (int i = 1; i <= 21; i++) {
            Peer.post(specialist, thread, "Reply " + i);
        }
        var page0 = specialist.as().get("/api/v1/threads/" + thread + "?page=0").then()
                .body("posts.items", hasSize(20)).body("posts.total", equalTo(22))
                .body("posts.items[0].body", equalTo("Body 1")).body("posts.items[19].body", equalTo("Reply 19"))
                .extract().jsonPath().<Integer>getList("posts.items.id");
        List<Integer> sorted = new ArrayList<>(page0);
        sorted.sort(null);
        assertEquals(sorted, page0);
        specialist.as().get("/api/v1/threads/" + thread + "?page=1").then()
                .body("posts.items", hasSize(2)).body("posts.items[1].body", equalTo("Reply 21"));
    }

    @Test
    void concurrent_replies_are_all_stored_and_counted() throws Exception {
        Api.Account specialist = Api.create("SPECIALIST");
        long group = Peer.group(specialist);
        long thread = Peer.thread(specialist, group, "Busy", "Everyone at once");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String body = "Reply " + i;
                replies.add(() -> specialist.as().body(Map.of("body", body)).post("/api/v1/threads/" + thread + "/posts").statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(replies)) {
                assertEquals(201, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        specialist.as().get("/api/v1/groups/" + group + "/threads").then().body("items[0].postCount", equalTo(9));
    }

    @Test
    void unread_counts_per_thread_group_and_dashboard() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account writer = Api.create("CLIENT");
        Api.Account reader = Api.create("CLIENT");
        long group = Peer.group(specialist, writer, reader);
        long thread = Peer.thread(writer, group, "News", "First");
        reader.as().get("/api/v1/groups").then().body("find { it.id == " + group + " }.newPosts", equalTo(1));
        writer.as().get("/api/v1/groups").then().body("find { it.id == " + group + " }.newPosts", equalTo(0));
        reader.as().get("/api/v1/groups/" + group + "/threads").then().body("items[0].newPosts", equalTo(1));
        reader.as().get("/api/v1/threads/" + thread).then().body("posts.items[0].unread", equalTo(true));
        // Reading marks the posts read.
        reader.as().get("/api/v1/groups/" + group).then().body("newPosts", equalTo(0));
        Peer.post(writer, thread, "Second");
        Peer.post(writer, thread, "Third");
        reader.as().get("/api/v1/groups/" + group).then().body("newPosts", equalTo(2));
        Browser browser = new Browser().signIn(reader.username(), Api.PASSWORD);
        browser.get("/").then().body(containsString("Uusia viestejä: 2")).body(containsString("/groups/" + group));
        browser.get("/groups").then().body(containsString("aria-live=\"polite\"")).body(containsString("Uusia viestejä: 2"));
        String html = browser.get("/threads/" + thread).asString();
        assertEquals(2, html.split("class=\"badge new\"").length - 1, "two posts marked new");
        browser.get("/").then().body(containsString("Ryhmissäsi ei ole uusia viestejä."));
    }

    @Test
    void editing_within_the_window_and_removing_own_posts() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account author = Api.create("CLIENT");
        Api.Account other = Api.create("CLIENT");
        long group = Peer.group(specialist, author, other);
        long thread = Peer.thread(author, group, "Typo", "Helo");
        long post = Peer.firstPost(author, thread);
        author.as().body(Map.of("body", "Hello")).put("/api/v1/posts/" + post).then().statusCode(200)
                .body("body", equalTo("Hello")).body("edited", equalTo(true)).body("editedAt", notNullValue());
        other.as().body(Map.of("body", "Hacked")).put("/api/v1/posts/" + post).then().statusCode(403);
        other.as().delete("/api/v1/posts/" + post).then().statusCode(403);
        specialist.as().get("/api/v1/posts/" + post + "/revisions").then().body("body", hasItem("Helo"));

        QuarkusTransaction.requiringNew().run(() -> Post.update("createdAt = ?1 where id = ?2",
                Instant.now().minus(Duration.ofMinutes(61)), post));
        author.as().header("Accept-Language", "en").body(Map.of("body", "Too late")).put("/api/v1/posts/" + post)
                .then().statusCode(409).body("detail", containsString("60 minutes"));
        author.as().get("/api/v1/threads/" + thread).then().body("posts.items[0].canEdit", equalTo(false));

        long reply = Peer.post(author, thread, "Oops, wrong thread");
        author.as().delete("/api/v1/posts/" + reply).then().statusCode(200).body("removed", equalTo(true));
        other.as().get("/api/v1/threads/" + thread).then()
                .body("posts.items[1].removed", equalTo(true)).body("posts.items[1].body", nullValue());
        new Browser().signIn(other.username(), Api.PASSWORD).get("/threads/" + thread).then()
                .body(containsString("Kirjoittaja poisti viestin.")).body(containsString("muokattu"));
    }

    @Test
    void replies_name_the_post_they_answer_and_stay_in_their_thread() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account a = Api.create("CLIENT");
        Api.Account b = Api.create("CLIENT");
        long group = Peer.group(specialist, a, b);
        long thread = Peer.thread(a, group, "Sleep", "How do you sleep?");
        long other = Peer.thread(a, group, "Other", "Elsewhere");
        long first = Peer.firstPost(a, thread);
        long reply = Peer.post(b, thread, "Badly", first);
        long replyToReply = Peer.post(a, thread, "Same here", reply);
        a.as().get("/api/v1/threads/" + thread).then().body("posts.items.find { it.id == " + replyToReply + " }.replyTo.id",
                equalTo((int) reply));
        a.as().get("/api/v1/notifications?unread=true").then().body("kind", hasItem("REPLY"));
        b.as().body(Map.of("body", "x", "replyTo", Peer.firstPost(a, other))).post("/api/v1/threads/" + thread + "/posts")
                .then().statusCode(400).body("violations.field", hasItem("replyTo"));
    }

    @Test
    void limits_on_size_and_rate_with_clear_messages() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account client = Api.create("CLIENT");
        long group = Peer.group(specialist, client);
        long thread = Peer.thread(client, group, "Flood", "1");
        client.as().header("Accept-Language", "en").body(Map.of("body", "x".repeat(10_001)))
                .post("/api/v1/threads/" + thread + "/posts").then().statusCode(400)
                .body("violations[0].field", equalTo("body"))
                .body("violations[0].message", containsString("at most 10000 characters, yours has 10001"));
        client.as().body(Map.of("body", "   ")).post("/api/v1/threads/" + thread + "/posts").then().statusCode(400);
        client.as().body(Map.of("title", "", "body", "x")).post("/api/v1/groups/" + group + "/threads").then().statusCode(400)
                .body("violations.field", hasItem("title"));
        for (int i = 2; i <= 10; i++) {
            Peer.post(client, thread, String.valueOf(i));
        }
        client.as().header("Accept-Language", "en").body(Map.of("body", "11")).post("/api/v1/threads/" + thread + "/posts")
                .then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("at most 10 posts in 10 minutes"));
        client.as().get("/api/v1/threads/" + thread).then().body("posts.total", equalTo(10));
        // The moderator can still post, e.g. to calm things down.
        Peer.post(specialist, thread, "Let's slow down a little.");
    }

    @Test
    void rules_first_then_archived_groups_are_read_only_and_close_for_clients_later() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account client = Api.create("CLIENT");
        long group = Peer.group(specialist);
        Peer.add(specialist, group, client);
        client.as().get("/api/v1/groups/" + group).then().body("rulesAccepted", equalTo(false));
        client.as().body(Map.of("title", "Hi", "body", "Hi")).post("/api/v1/groups/" + group + "/threads")
                .then().statusCode(409).body("type", containsString("rules-not-accepted"));
        Peer.acceptRules(client, group);
        long thread = Peer.thread(client, group, "Hi", "Hi all");

        specialist.as().post("/api/v1/groups/" + group + "/archive").then().statusCode(200)
                .body("archived", equalTo(true)).body("readableUntil", notNullValue());
        client.as().get("/api/v1/threads/" + thread).then().statusCode(200).body("canPost", equalTo(false));
        client.as().body(Map.of("body", "late")).post("/api/v1/threads/" + thread + "/posts").then().statusCode(409)
                .body("type", containsString("group-archived"));
        client.as().body(Map.of("title", "x", "body", "y")).post("/api/v1/groups/" + group + "/threads").then().statusCode(409);

        QuarkusTransaction.requiringNew().run(() -> PeerGroup.update("archivedAt = ?1 where id = ?2",
                Instant.now().minus(Duration.ofDays(91)), group));
        client.as().get("/api/v1/groups/" + group).then().statusCode(404);
        client.as().get("/api/v1/threads/" + thread).then().statusCode(404);
        specialist.as().get("/api/v1/threads/" + thread).then().statusCode(200);
        specialist.as().post("/api/v1/groups/" + group + "/reopen").then().statusCode(200).body("archived", equalTo(false));
        client.as().get("/api/v1/groups/" + group).then().statusCode(200);
    }
}
