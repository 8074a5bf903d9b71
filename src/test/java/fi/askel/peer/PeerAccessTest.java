package fi.askel.peer;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.askel.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Who sees what: members see their group, admins every group, and everyone else gets 404 for every id. */
@QuarkusTest
class PeerAccessTest {

    private record Call(String method, String path, Object body) {}

    private static List<Call> readCalls(long groupId, long threadId, long postId) {
        return List.of(
                new Call("GET", "/api/v1/groups/" + groupId, null),
                new Call("GET", "/api/v1/groups/" + groupId + "/members", null),
                new Call("GET", "/api/v1/groups/" + groupId + "/threads", null),
                new Call("GET", "/api/v1/threads/" + threadId, null));
    }

    private static List<Call> writeCalls(long groupId, long threadId, long postId) {
        return List.of(
                new Call("POST", "/api/v1/groups/" + groupId + "/threads", Map.of("title", "Hi", "body", "Hello")),
                new Call("POST", "/api/v1/threads/" + threadId + "/posts", Map.of("body", "Hello")),
                new Call("POST", "/api/v1/posts/" + postId + "/report", Map.of("reason", "Not nice")),
                new Call("PUT", "/api/v1/groups/" + groupId + "/me", Map.of("pseudonym", "Sneaky")),
                new Call("POST", "/api/v1/groups/" + groupId + "/rules/accept", null));
    }

    private static List<Call> moderatorCalls(long groupId, long threadId, long postId) {
        return List.of(
                new Call("PUT", "/api/v1/groups/" + groupId, Map.of("name", "Renamed", "description", "")),
                new Call("POST", "/api/v1/groups/" + groupId + "/members", Map.of("userId", 1)),
                new Call("DELETE", "/api/v1/groups/" + groupId + "/members/1", null),
                new Call("POST", "/api/v1/groups/" + groupId + "/archive", null),
                new Call("POST", "/api/v1/posts/" + postId + "/hide", Map.of("reason", "x")),
                new Call("POST", "/api/v1/posts/" + postId + "/unhide", null),
                new Call("GET", "/api/v1/posts/" + postId + "/revisions", null),
                new Call("POST", "/api/v1/threads/" + threadId + "/lock", null),
                new Call("POST", "/api/v1/threads/" + threadId + "/pin", null));
    }

    private static Response send(Api.Account who, Call call) {
        var spec = who.as();
        if (call.body() != null) {
            spec = spec.body(call.body());
        }
        return switch (call.method()) {
            case "GET" -> spec.get(call.path());
            case "PUT" -> spec.put(call.path());
            case "DELETE" -> spec.delete(call.path());
            default -> spec.post(call.path());
        };
    }

    @Test
    void outsiders_get_404_for_every_group_thread_and_post_endpoint() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account member = Api.create("CLIENT");
        long group = Peer.group(specialist, member);
        long thread = Peer.thread(member, group, "Our thread", "Hello group");
        long post = Peer.firstPost(member, thread);

        Api.Account outsiderClient = Api.create("CLIENT");
        Api.Account otherSpecialist = Api.create("SPECIALIST");
        Peer.group(otherSpecialist); // a specialist of another group
        List<Call> all = new ArrayList<>();
        all.addAll(readCalls(group, thread, post));
        all.addAll(writeCalls(group, thread, post));
        all.addAll(moderatorCalls(group, thread, post));
        List<String> wrong = new ArrayList<>();
        for (Api.Account outsider : List.of(outsiderClient, otherSpecialist)) {
            for (Call call : all) {
                Response r = send(outsider, call);
                if (r.statusCode() != 404 || !r.contentType().startsWith("application/problem+json")) {
                    wrong.add(outsider.role() + " " + call.method() + " " + call.path() + " → " + r.statusCode());
                }
            }
        }
        assertEquals(List.of(), wrong);
        // Nothing they tried changed anything.
        member.as().get("/api/v1/threads/" + thread).then().statusCode(200)
                .body("posts.total", equalTo(1)).body("locked", equalTo(false)).body("pinned", equalTo(false))
                .body("posts.items[0].hidden", equalTo(false));
        outsiderClient.as().get("/api/v1/groups").then().statusCode(200).body("id", not(hasItem((int) group)));
        otherSpecialist.as().get("/api/v1/groups").then().statusCode(200).body("id", not(hasItem((int) group)));
    }

    @Test
    void member_reads_and_writes_but_does_not_moderate() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account member = Api.create("CLIENT");
        Api.Account other = Api.create("CLIENT");
        long group = Peer.group(specialist, member, other);
        long thread = Peer.thread(other, group, "Their thread", "Hello from the other member");
        long post = Peer.firstPost(member, thread);
        for (Call call : readCalls(group, thread, post)) {
            assertEquals(200, send(member, call).statusCode(), call.path());
        }
        member.as().get("/api/v1/groups").then().statusCode(200).body("id", hasItem((int) group));
        List<String> wrong = new ArrayList<>();
        for (Call call : moderatorCalls(group, thread, post)) {
            int status = send(member, call).statusCode();
            if (status != 403) {
                wrong.add(call.method() + " " + call.path() + " → " + status);
            }
        }
        assertEquals(List.of(), wrong);
        Peer.post(member, thread, "A reply from a member");
        member.as().body(Map.of("reason", "Please check")).post("/api/v1/posts/" + post + "/report").then().statusCode(202);
        // Clients cannot create groups or read the moderation queue.
        member.as().body(Map.of("name", "Mine", "description", "")).post("/api/v1/groups").then().statusCode(403);
        member.as().get("/api/v1/reports").then().statusCode(403);
    }

    @Test
    void admin_sees_and_manages_every_group_without_being_a_member() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account member = Api.create("CLIENT");
        long group = Peer.group(specialist, member);
        long thread = Peer.thread(member, group, "Admin can see", "Hello");
        long post = Peer.firstPost(member, thread);
        Api.Account admin = Api.admin();
        admin.as().get("/api/v1/groups").then().statusCode(200).body("id", hasItem((int) group));
        Function<Call, Integer> status = call -> send(admin, call).statusCode();
        for (Call call : readCalls(group, thread, post)) {
            assertEquals(200, status.apply(call), call.path());
        }
        admin.as().get("/api/v1/threads/" + thread).then().body("posts.items[0].author.realName",
                equalTo("Test " + member.username()));
        Api.Account newcomer = Api.create("CLIENT");
        admin.as().body(Map.of("userId", newcomer.id())).post("/api/v1/groups/" + group + "/members").then().statusCode(201);
        newcomer.as().get("/api/v1/groups/" + group).then().statusCode(200).body("rulesAccepted", equalTo(false));
        admin.as().post("/api/v1/posts/" + post + "/hide").then().statusCode(200).body("hidden", equalTo(true));
        admin.as().delete("/api/v1/groups/" + group + "/members/" + newcomer.id()).then().statusCode(204);
        newcomer.as().get("/api/v1/groups/" + group).then().statusCode(404);
        newcomer.as().get("/api/v1/threads/" + thread).then().statusCode(404);
    }

    @Test
    void unknown_ids_and_signed_out_callers() {
        Api.Account client = Api.create("CLIENT");
        client.as().get("/api/v1/groups/999999999").then().statusCode(404);
        client.as().get("/api/v1/threads/999999999").then().statusCode(404);
        client.as().post("/api/v1/posts/999999999/hide").then().statusCode(404);
        io.restassured.RestAssured.given().get("/api/v1/groups").then().statusCode(401);
        io.restassured.RestAssured.given().contentType("application/json").body(Map.of("name", "x"))
                .post("/api/v1/groups").then().statusCode(401);
    }
}
