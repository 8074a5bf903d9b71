package fi.askel.privacy;

import static fi.askel.privacy.AccessLogFixtures.added;
import static fi.askel.privacy.AccessLogFixtures.kinds;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every staff read or change of a client's data writes one event the client can read; the client's own use writes none. */
@QuarkusTest
class AccessLogHooksTest {

    private static final Map<String, Object> GOAL = Map.of("title", "Kävelen joka päivä", "weight", 2, "levels",
            Map.of("-2", "En lainkaan", "-1", "Kerran", "0", "Kolmesti", "1", "Viidesti", "2", "Joka päivä"));

    @Test
    void specialist_reading_an_assignment_shows_in_the_clients_log_in_the_clients_language() {
        Rehab.Team team = AccessLogFixtures.team("sv");
        long assignment = Rehab.assign(team, "sleep-and-recovery");
        team.specialist().as().get("/api/v1/assignments/" + assignment).then().statusCode(200);

        var log = team.client().as().get("/api/v1/me/access-log").then().statusCode(200).extract().jsonPath();
        // The team's period was assessed as suitable for remote rehabilitation before anything was assigned.
        assertEquals(List.of("ANSWERS_READ", "ASSIGNMENT_CREATED", "SUITABILITY_CHANGED", "PERIOD_CHANGED"), log.getList("items.kind"));
        assertEquals(4, log.getInt("total"));
        assertEquals("Antecknade en bedömning av om distansrehabilitering passar dig", log.getString("items[2].what"));
        assertEquals("Läste dina svar på en övning", log.getString("items[0].what"));
        assertEquals("Genomförande och uppföljning av din rehabilitering", log.getString("items[0].why"));
        assertEquals("Test " + team.specialist().username(), log.getString("items[0].who"));
        assertEquals("SPECIALIST", log.getString("items[0].role"));
        // Staff are named, not numbered: no internal ids, usernames or addresses in the client's view.
        Map<String, Object> item = log.getMap("items[0]");
        assertEquals(List.of("at", "when", "who", "role", "roleLabel", "kind", "what", "purpose", "why").stream().sorted().toList(),
                item.keySet().stream().sorted().toList());
    }

    @Test
    void each_kind_of_staff_access_writes_its_event_once() {
        Rehab.Team team = AccessLogFixtures.team("fi");
        Api.Account specialist = team.specialist();
        Api.Account client = team.client();
        long work = AccessLogFixtures.submitted(team, "sleep-and-recovery");
        String clientBase = "/api/v1/clients/" + client.id();

        assertEquals(List.of("ASSIGNMENTS_READ"), added(client, () ->
                specialist.as().get("/api/v1/assignments?clientId=" + client.id()).then().statusCode(200)));
        assertEquals(List.of("ANSWERS_READ"), added(client, () ->
                specialist.as().get("/api/v1/assignments/" + work).then().statusCode(200)));
        assertEquals(List.of("REVIEW_QUEUE"), added(client, () ->
                specialist.as().get("/api/v1/reviews?size=200").then().statusCode(200)));
        assertEquals(List.of("REVIEW_WRITTEN"), added(client, () ->
                specialist.as().body(Map.of("decision", "APPROVED", "comment", "Hyvä")).post("/api/v1/assignments/" + work + "/review")
                        .then().statusCode(200)));
        assertEquals(List.of("CLIENT_LIST"), added(client, () -> specialist.as().get("/api/v1/clients").then().statusCode(200)));
        // The overview reads assignments, goals and periods too, but it is one look at the client: one event.
        assertEquals(List.of("OVERVIEW_READ"), added(client, () ->
                specialist.as().get(clientBase + "/overview").then().statusCode(200)));
        assertEquals(List.of("GOALS_READ"), added(client, () -> specialist.as().get(clientBase + "/gas").then().statusCode(200)));
        long[] goal = new long[1];
        assertEquals(List.of("GOAL_CHANGED"), added(client, () -> goal[0] = specialist.as().body(GOAL).post(clientBase + "/goals")
                .then().statusCode(201).extract().jsonPath().getLong("id")));
        assertEquals(List.of("GOAL_CHANGED"), added(client, () -> specialist.as().body(Map.of("score", 0, "phase", "BASELINE"))
                .post("/api/v1/goals/" + goal[0] + "/ratings").then().statusCode(200)));
        assertEquals(List.of("PERIODS_READ"), added(client, () ->
                specialist.as().get("/api/v1/periods?clientId=" + client.id()).then().statusCode(200)));
        assertEquals(List.of("PERIODS_READ"), added(client, () ->
                specialist.as().get("/api/v1/periods/" + team.periodId()).then().statusCode(200)));
        Api.Account colleague = Api.create("SPECIALIST");
        assertEquals(List.of("PERIOD_CHANGED"), added(client, () -> specialist.as().body(Map.of("userId", colleague.id()))
                .post("/api/v1/periods/" + team.periodId() + "/specialists").then().statusCode(200)));
        assertEquals(List.of("ASSIGNMENT_CREATED"), added(client, () -> Rehab.assign(team, "stress-and-relaxation")));

        Browser browser = new Browser().signIn(specialist.username(), Api.PASSWORD);
        assertEquals(List.of("OVERVIEW_READ"), added(client, () -> browser.get("/clients/" + client.id()).then().statusCode(200)));
        assertEquals(List.of("SUMMARY_READ"), added(client, () ->
                browser.get("/clients/" + client.id() + "/summary").then().statusCode(200)));
        assertEquals(List.of("SUMMARY_PDF"), added(client, () ->
                browser.get("/clients/" + client.id() + "/summary.pdf").then().statusCode(200)));
        assertEquals(List.of("ANSWERS_READ"), added(client, () -> browser.get("/reviews/" + work).then().statusCode(200)));
        assertEquals(List.of("CLIENT_LIST"), added(client, () -> browser.get("/").then().statusCode(200)));

        // An admin is staff like any other: their reads are logged too.
        assertEquals(List.of("OVERVIEW_READ"), added(client, () -> Api.admin().as().get(clientBase + "/overview").then().statusCode(200)));
    }

    @Test
    void moderators_seeing_the_name_behind_a_pseudonym_is_logged_once_per_client_and_view() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account first = Api.create("CLIENT");
        Api.Account second = Api.create("CLIENT");
        long group = specialist.as().body(Map.of("name", Api.unique("Group"), "description", "A group"))
                .post("/api/v1/groups").then().statusCode(201).extract().jsonPath().getLong("id");
        for (Api.Account member : List.of(first, second)) {
            assertEquals(List.of("GROUP_MEMBERSHIP_CHANGED"), added(member, () -> specialist.as().body(Map.of("userId", member.id()))
                    .post("/api/v1/groups/" + group + "/members").then().statusCode(201)));
            member.as().post("/api/v1/groups/" + group + "/rules/accept").then().statusCode(200);
        }
        long thread = first.as().body(Map.of("title", "Unesta", "body", "Miten nukutte?"))
                .post("/api/v1/groups/" + group + "/threads").then().statusCode(201).extract().jsonPath().getLong("id");
        second.as().body(Map.of("body", "Huonosti.")).post("/api/v1/threads/" + thread + "/posts").then().statusCode(201);

        // Members read each other under pseudonyms: nothing is revealed, nothing is logged.
        assertEquals(List.of(), added(first, () -> second.as().get("/api/v1/threads/" + thread).then().statusCode(200)
                .body("posts.items[0].author", not(hasKey("realName")))));
        // The moderator sees both real names in one thread view: one event for each client.
        assertEquals(List.of("PSEUDONYM_REVEALED"), added(first, () -> assertEquals(List.of("PSEUDONYM_REVEALED"), added(second, () ->
                specialist.as().get("/api/v1/threads/" + thread).then().statusCode(200)))));
        assertEquals(List.of("PSEUDONYM_REVEALED"), added(second, () ->
                specialist.as().get("/api/v1/groups/" + group + "/members").then().statusCode(200)));
        assertEquals(List.of("GROUP_MEMBERSHIP_CHANGED"), added(second, () ->
                specialist.as().delete("/api/v1/groups/" + group + "/members/" + second.id()).then().statusCode(204)));
        var log = first.as().get("/api/v1/me/access-log").then().extract().jsonPath();
        assertEquals("Näki oikean nimesi vertaisryhmän nimimerkin takana", log.getString("items[0].what"));
        assertEquals("Vertaisryhmän valvonta", log.getString("items[0].why"));
    }

    @Test
    void the_clients_own_use_of_their_data_writes_nothing() {
        Rehab.Team team = AccessLogFixtures.team("fi");
        Api.Account client = team.client();
        long assignment = Rehab.assign(team, "sleep-and-recovery");
        List<String> before = kinds(client);
        assertEquals(List.of(), added(client, () -> {
            Rehab.completeAll(client, assignment, "sleep-and-recovery");
            client.as().get("/api/v1/assignments/" + assignment).then().statusCode(200);
            client.as().get("/api/v1/assignments").then().statusCode(200);
            client.as().get("/api/v1/periods").then().statusCode(200);
            client.as().body(GOAL).post("/api/v1/clients/" + client.id() + "/goals").then().statusCode(201);
            client.as().get("/api/v1/clients/" + client.id() + "/gas").then().statusCode(200);
            new Browser().signIn(client.username(), Api.PASSWORD).get("/assignments/" + assignment).then().statusCode(200);
        }));
        assertEquals(before, kinds(client));
    }

    @Test
    void a_refused_change_leaves_no_event() {
        Rehab.Team team = AccessLogFixtures.team("fi");
        assertEquals(List.of(), added(team.client(), () -> team.specialist().as().body(Map.of("title", "", "weight", 9))
                .post("/api/v1/clients/" + team.client().id() + "/goals").then().statusCode(400)));
        // Someone who may not see the client gets 404, and the client's log does not claim they looked.
        Api.Account stranger = Api.create("SPECIALIST");
        assertEquals(List.of(), added(team.client(), () -> {
            stranger.as().get("/api/v1/clients/" + team.client().id() + "/overview").then().statusCode(404);
            stranger.as().get("/api/v1/periods/" + team.periodId()).then().statusCode(404);
        }));
    }

    @Test
    void a_client_sees_only_their_own_events_and_only_clients_have_a_log() {
        Rehab.Team one = AccessLogFixtures.team("fi");
        Rehab.Team other = AccessLogFixtures.team("fi");
        long assignment = Rehab.assign(other, "sleep-and-recovery");
        List<String> mine = kinds(one.client());
        other.specialist().as().get("/api/v1/assignments/" + assignment).then().statusCode(200);
        assertEquals(mine, kinds(one.client()));
        List<String> whose = one.client().as().get("/api/v1/me/access-log?size=200").then().statusCode(200)
                .extract().jsonPath().getList("items.who");
        assertTrue(whose.stream().allMatch(w -> w.equals("Test " + one.specialist().username())), whose.toString());
        assertEquals("ANSWERS_READ", kinds(other.client()).get(0));

        one.specialist().as().get("/api/v1/me/access-log").then().statusCode(403);
        Api.admin().as().get("/api/v1/me/access-log").then().statusCode(403);
        io.restassured.RestAssured.given().accept(ContentType.JSON).get("/api/v1/me/access-log").then().statusCode(401);
        one.client().as().get("/api/v1/me/access-log?size=0").then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.is("size"));
    }
}
