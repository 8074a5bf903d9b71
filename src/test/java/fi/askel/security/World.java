package fi.askel.security;

import fi.askel.common.Dates;
import fi.askel.support.Api;
import fi.askel.support.Rehab;
import java.util.List;
import java.util.Map;

/**
 * The data the authorization matrix points at: a client with a specialist, a period, an
 * assignment with a typed answer, a goal, a peer group thread, a report and a notification; and a
 * second client with a specialist of their own, who must see none of it. Every text the first
 * client owns carries a unique marker, so a leak shows in any answer.
 */
final class World {

    static final String MODULE = "sleep-and-recovery";

    Api.Account client;
    Api.Account specialist;
    Api.Account otherClient;
    Api.Account otherSpecialist;
    Api.Account admin;
    long periodId;
    long assignmentId;
    String stepKey;
    long goalId;
    long groupId;
    long threadId;
    long postId;
    long replyId;
    long reportId;
    long notificationId;
    long erasureRequestId;
    long appointmentId;
    /** A module draft of the first client's specialist, whom the admin has let author modules. */
    long draftId;
    String marker;

    static World build() {
        World w = new World();
        w.marker = Api.unique("Secret");
        Rehab.Team team = Rehab.team();
        w.client = team.client();
        w.specialist = team.specialist();
        w.periodId = team.periodId();
        Rehab.Team other = Rehab.team();
        w.otherClient = other.client();
        w.otherSpecialist = other.specialist();
        w.admin = Api.admin();

        w.assignmentId = w.specialist.as().body(Map.of("clientId", w.client.id(), "moduleSlug", MODULE,
                        "note", "Note " + w.marker, "dueDate", Dates.today().plusDays(14).toString()))
                .post("/api/v1/assignments").then().statusCode(201).extract().jsonPath().getLong("id");
        Rehab.assign(other, MODULE);
        w.stepKey = w.client.as().get("/api/v1/modules/" + MODULE).then().statusCode(200).extract().jsonPath()
                .getString("steps.find { it.type == 'reflection' }.key");
        w.client.as().body(Map.of("answer", Map.of("text", "Answer " + w.marker), "final", false))
                .put("/api/v1/assignments/" + w.assignmentId + "/steps/" + w.stepKey).then().statusCode(200);

        w.goalId = w.specialist.as().body(Map.of("title", "Goal " + w.marker, "weight", 2, "levels",
                        Map.of("-2", "a", "-1", "b", "0", "c", "1", "d", "2", "e")))
                .post("/api/v1/clients/" + w.client.id() + "/goals").then().statusCode(201).extract().jsonPath().getLong("id");

        w.groupId = w.specialist.as().body(Map.of("name", "Group " + w.marker, "description", "Matrix group"))
                .post("/api/v1/groups").then().statusCode(201).extract().jsonPath().getLong("id");
        w.specialist.as().body(Map.of("userId", w.client.id())).post("/api/v1/groups/" + w.groupId + "/members")
                .then().statusCode(201);
        w.client.as().post("/api/v1/groups/" + w.groupId + "/rules/accept").then().statusCode(200);
        w.threadId = w.client.as().body(Map.of("title", "Thread " + w.marker, "body", "Body " + w.marker))
                .post("/api/v1/groups/" + w.groupId + "/threads").then().statusCode(201).extract().jsonPath().getLong("id");
        w.postId = w.client.as().get("/api/v1/threads/" + w.threadId).then().statusCode(200)
                .extract().jsonPath().getLong("posts.items[0].id");
        w.replyId = w.specialist.as().body(Map.of("body", "Reply to the client", "replyTo", w.postId))
                .post("/api/v1/threads/" + w.threadId + "/posts").then().statusCode(201).extract().jsonPath().getLong("id");
        w.client.as().body(Map.of("reason", "Matrix report")).post("/api/v1/posts/" + w.replyId + "/report")
                .then().statusCode(202);
        w.reportId = w.specialist.as().get("/api/v1/reports").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.postId == " + w.replyId + " }.id");
        List<Integer> notifications = w.client.as().get("/api/v1/notifications").then().statusCode(200)
                .extract().jsonPath().getList("id");
        if (notifications == null || notifications.isEmpty()) {
            throw new AssertionError("a reply to the client's post notifies the client");
        }
        w.notificationId = notifications.get(0);
        w.appointmentId = w.specialist.as().body(Map.of("clientId", w.client.id(), "startsAt",
                        java.time.OffsetDateTime.now(Dates.ZONE).plusDays(2)
                                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString(),
                        "durationMinutes", 30, "topic", "Call " + w.marker))
                .post("/api/v1/appointments").then().statusCode(201).extract().jsonPath().getLong("id");
        w.erasureRequestId = w.client.as().body(Map.of("reason", "Matrix")).post("/api/v1/me/erasure-request")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        w.admin.as().body(Map.of("granted", true)).put("/api/v1/users/" + w.specialist.id() + "/authoring").then().statusCode(200);
        w.draftId = w.specialist.as().body(Map.of("copyOf", MODULE)).post("/api/v1/authoring/drafts").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        w.ownerView();
        return w;
    }

    /** The first client's data as they and their specialist see it; compared before and after strangers tried to change it. */
    String ownerView() {
        return client.as().get("/api/v1/assignments/" + assignmentId).asString()
                + client.as().get("/api/v1/threads/" + threadId).asString()
                + specialist.as().get("/api/v1/clients/" + client.id() + "/goals").asString()
                + specialist.as().get("/api/v1/periods/" + periodId).asString()
                + specialist.as().get("/api/v1/periods/" + periodId + "/suitability").asString()
                + specialist.as().get("/api/v1/groups/" + groupId + "/members").asString()
                + specialist.as().get("/api/v1/appointments/" + appointmentId).asString();
    }

    /** Which of the first client's things, if any, the text shows. */
    String leakIn(String body) {
        if (body.contains(marker)) {
            return "words (" + marker + ")";
        }
        if (body.contains(client.username())) {
            return "username";
        }
        return null;
    }
}
