package fi.askel.peer;

import static org.hamcrest.Matchers.anything;

import fi.askel.support.Api;
import java.util.HashMap;
import java.util.Map;

/** Fixtures for peer group tests: groups, members, threads and posts made through the API. */
public final class Peer {

    private Peer() {}

    /** A group whose moderator is {@code specialist}, with the given clients as members who have accepted the rules. */
    public static long group(Api.Account specialist, Api.Account... clients) {
        long id = specialist.as().body(Map.of("name", Api.unique("Group"), "description", "A test group"))
                .post("/api/v1/groups").then().statusCode(201).extract().jsonPath().getLong("id");
        for (Api.Account client : clients) {
            add(specialist, id, client);
            acceptRules(client, id);
        }
        return id;
    }

    public static void add(Api.Account moderator, long groupId, Api.Account member) {
        moderator.as().body(Map.of("userId", member.id())).post("/api/v1/groups/" + groupId + "/members")
                .then().statusCode(201);
    }

    public static void acceptRules(Api.Account client, long groupId) {
        client.as().post("/api/v1/groups/" + groupId + "/rules/accept").then().statusCode(200);
    }

    public static long thread(Api.Account author, long groupId, String title, String body) {
        return author.as().body(Map.of("title", title, "body", body)).post("/api/v1/groups/" + groupId + "/threads")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long post(Api.Account author, long threadId, String body) {
        return post(author, threadId, body, null);
    }

    public static long post(Api.Account author, long threadId, String body, Long replyTo) {
        Map<String, Object> req = new HashMap<>();
        req.put("body", body);
        if (replyTo != null) {
            req.put("replyTo", replyTo);
        }
        return author.as().body(req).post("/api/v1/threads/" + threadId + "/posts")
                .then().statusCode(201).body(anything()).extract().jsonPath().getLong("id");
    }

    /** The id of the thread's first post (its body). */
    public static long firstPost(Api.Account reader, long threadId) {
        return reader.as().get("/api/v1/threads/" + threadId).then().statusCode(200)
                .extract().jsonPath().getLong("posts.items[0].id");
    }
}
