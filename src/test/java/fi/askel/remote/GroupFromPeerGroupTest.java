package fi.askel.remote;

import fi.askel.common.Dates;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Rehab;
import fi.askel.support.SmtpTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A group session for a peer group takes its clients from the group: those the specialist holds a period for,
 * assessed suitable with consent, up to the maximum. Everyone left out is listed with the reason; a refresh
 * adds who joined the group since and removes who left, and tells each by email.
 */
@QuarkusTest
class GroupFromPeerGroupTest {

    private static Map<String, Object> period(Api.Account client) {
        return Map.of("clientId", client.id(), "serviceType", "REHAB_COURSE",
                "startsOn", Dates.today().minusDays(5).toString(), "endsOn", Dates.today().plusDays(60).toString());
    }

    /** A client of the specialist, assessed suitable. */
    private static Api.Account suitable(Api.Account specialist) {
        Api.Account client = Api.create("CLIENT");
        Rehab.suitablePeriod(specialist, period(client));
        return client;
    }

    private static long peerGroup(Api.Account moderator, Api.Account... members) {
        long id = moderator.as().body(Map.of("name", Api.unique("Ryhmä"), "description", "Vertaisryhmä"))
                .post("/api/v1/groups").then().statusCode(201).extract().jsonPath().getLong("id");
        for (Api.Account m : members) {
            join(moderator, id, m);
        }
        return id;
    }

    private static void join(Api.Account moderator, long groupId, Api.Account member) {
        moderator.as().body(Map.of("userId", member.id())).post("/api/v1/groups/" + groupId + "/members").then().statusCode(201);
    }

    private static Map<String, Object> booking(long groupId, Duration ahead) {
        Map<String, Object> body = new HashMap<>();
        body.put("peerGroupId", groupId);
        body.put("startsAt", Calls.in(ahead).toString());
        body.put("durationMinutes", 60);
        body.put("topic", "Ryhmätapaaminen");
        return body;
    }

    private static String reasonOf(JsonPath json, Api.Account client) {
        return json.getString("skipped.find { it.clientId == " + client.id() + " }.reason");
    }

    @Test
    void booking_for_a_peer_group_fills_it_with_the_clients_who_may_take_part_and_lists_the_others() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account anna = suitable(specialist);
        Api.Account bert = suitable(specialist);
        Api.Account notAssessed = Api.create("CLIENT");
        specialist.as().body(period(notAssessed)).post("/api/v1/periods").then().statusCode(201);
        Api.Account notSuitable = Api.create("CLIENT");
        long p = specialist.as().body(period(notSuitable)).post("/api/v1/periods").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Map<String, Object> no = Rehab.suitable();
        no.put("handsOnNeeded", true);
        no.put("decision", "NOT_SUITABLE");
        no.put("reasons", "Tarvitsee fyysisen tutkimuksen.");
        specialist.as().body(no).post("/api/v1/periods/" + p + "/suitability").then().statusCode(201);
        Api.Account othersClient = suitable(Api.create("SPECIALIST"));
        long groupId = peerGroup(specialist, anna, notAssessed, bert, notSuitable);
        // Another specialist's client can be in the group (an admin added them), but a specialist can only add
        // clients they follow (issue 18), and this one does not follow them.
        join(Api.admin(), groupId, othersClient);

        JsonPath booked = specialist.as().body(booking(groupId, Duration.ofDays(3))).post("/api/v1/appointments")
                .then().statusCode(201).body("kind", equalTo("GROUP")).body("peerGroupId", equalTo((int) groupId))
                .body("clients.id", containsInAnyOrder((int) anna.id(), (int) bert.id()))
                .body("skipped", hasSize(3)).extract().jsonPath();
        assertEquals("remote-not-assessed", reasonOf(booked, notAssessed));
        assertEquals("remote-not-suitable", reasonOf(booked, notSuitable));
        assertEquals("not-followed", reasonOf(booked, othersClient));
        long id = booked.getLong("id");
        // Only the two who take part are invited; the ones left out get nothing.
        assertTrue(SmtpTestResource.await(anna.username() + "@example.org", 1).get(0).text().contains("/calls/" + id));
        SmtpTestResource.await(bert.username() + "@example.org", 1);
        assertEquals(0, SmtpTestResource.countTo(notAssessed.username() + "@example.org"));
        notAssessed.as().get("/api/v1/appointments/" + id).then().statusCode(404);
    }

    @Test
    void a_peer_group_with_fewer_than_two_who_may_take_part_books_nothing_and_says_who_was_left_out() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account anna = suitable(specialist);
        Api.Account notAssessed = Api.create("CLIENT");
        long groupId = peerGroup(specialist, anna, notAssessed);
        var refused = specialist.as().body(booking(groupId, Duration.ofDays(2))).post("/api/v1/appointments").then();
        Calls.assertProblem(refused, 400, "validation");
        refused.body("violations[0].field", equalTo("peerGroupId"))
                .body("violations[0].message", equalTo("Ryhmän asiakkaista 1 voi osallistua nyt; ryhmätapaamiseen tarvitaan "
                        + "vähintään 2. Pois jäivät: Test " + notAssessed.username()));
        // A group the specialist does not moderate cannot be named at all.
        Api.Account stranger = Api.create("SPECIALIST");
        var foreign = stranger.as().body(booking(groupId, Duration.ofDays(2))).post("/api/v1/appointments").then();
        Calls.assertProblem(foreign, 400, "validation");
        foreign.body("violations[0].field", equalTo("peerGroupId"));
        specialist.as().get("/api/v1/appointments").then().statusCode(200).body("id", hasSize(0));
    }

    @Test
    void at_most_the_configured_number_are_added_and_the_rest_are_told_the_session_is_full() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account[] seven = new Api.Account[7];
        for (int i = 0; i < seven.length; i++) {
            seven[i] = suitable(specialist);
        }
        long groupId = peerGroup(specialist, seven);
        JsonPath booked = specialist.as().body(booking(groupId, Duration.ofDays(4))).post("/api/v1/appointments")
                .then().statusCode(201).body("clientCount", equalTo(6)).body("skipped", hasSize(1)).extract().jsonPath();
        // The first six to join the group are in; the seventh is left out, by name.
        assertEquals("group-full", reasonOf(booked, seven[6]));
        assertEquals(List.of((int) seven[6].id()), booked.getList("skipped.clientId"));
    }

    @Test
    void a_refresh_adds_who_joined_the_group_removes_who_left_and_tells_each() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account anna = suitable(specialist);
        Api.Account bert = suitable(specialist);
        Api.Account cecilia = suitable(specialist);
        long groupId = peerGroup(specialist, anna, bert, cecilia);
        long id = specialist.as().body(booking(groupId, Duration.ofDays(5))).post("/api/v1/appointments")
                .then().statusCode(201).body("clientCount", equalTo(3)).extract().jsonPath().getLong("id");
        SmtpTestResource.await(anna.username() + "@example.org", 1);

        Api.Account dora = suitable(specialist);
        join(specialist, groupId, dora);
        Api.Account late = Api.create("CLIENT");
        join(specialist, groupId, late);
        specialist.as().delete("/api/v1/groups/" + groupId + "/members/" + anna.id()).then().statusCode(204);

        // The preview says what would change and changes nothing.
        specialist.as().get("/api/v1/appointments/" + id + "/members").then().statusCode(200)
                .body("added.id", equalTo(List.of((int) dora.id()))).body("removed.id", equalTo(List.of((int) anna.id())))
                .body("skipped[0].clientId", equalTo((int) late.id())).body("skipped[0].reason", equalTo("not-followed"))
                .body("appointment.clientCount", equalTo(3));
        specialist.as().post("/api/v1/appointments/" + id + "/members/refresh").then().statusCode(200)
                .body("added.id", equalTo(List.of((int) dora.id()))).body("removed.id", equalTo(List.of((int) anna.id())))
                .body("appointment.clients.id", containsInAnyOrder((int) bert.id(), (int) cecilia.id(), (int) dora.id()));

        assertTrue(SmtpTestResource.await(dora.username() + "@example.org", 1).get(0).text().contains("/calls/" + id));
        dora.as().get("/api/v1/appointments/" + id).then().statusCode(200);
        List<SmtpTestResource.Received> annas = SmtpTestResource.await(anna.username() + "@example.org", 2);
        assertEquals(2, annas.size(), "Anna hears she is no longer in the session");
        anna.as().get("/api/v1/appointments/" + id).then().statusCode(404);
        // Bert was in before and after: no new email for him.
        assertEquals(1, SmtpTestResource.messagesTo(bert.username() + "@example.org").size());

        // Nothing left to do; only the specialist who booked it may refresh, and only a session for a group.
        specialist.as().post("/api/v1/appointments/" + id + "/members/refresh").then().statusCode(200)
                .body("added", hasSize(0)).body("removed", hasSize(0));
        Api.create("SPECIALIST").as().post("/api/v1/appointments/" + id + "/members/refresh").then().statusCode(404);
        bert.as().post("/api/v1/appointments/" + id + "/members/refresh").then().statusCode(403);
        long single = Calls.book(specialist, bert.id(), Calls.in(Duration.ofDays(9)));
        Calls.assertProblem(specialist.as().post("/api/v1/appointments/" + single + "/members/refresh").then(), 409,
                "appointment-no-peer-group");
    }

    @Test
    void the_pages_book_for_a_peer_group_show_who_was_left_out_and_update_the_members() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account anna = suitable(specialist);
        Api.Account bert = suitable(specialist);
        Api.Account notAssessed = Api.create("CLIENT");
        specialist.as().body(period(notAssessed)).post("/api/v1/periods").then().statusCode(201);
        long groupId = peerGroup(specialist, anna, bert, notAssessed);
        Browser browser = new Browser().signIn(specialist.username(), Api.PASSWORD);
        String form = browser.get("/appointments/group").then().statusCode(200).extract().asString();
        assertTrue(form.contains("<option value=\"" + groupId + "\""), "the groups the specialist leads are offered");

        Response booked = browser.post("/appointments/group", Map.of("peerGroupId", String.valueOf(groupId),
                "date", Dates.today().plusDays(6).toString(), "time", "13:00", "duration", "60", "topic", "Vertaistapaaminen"));
        assertEquals(303, booked.statusCode());
        String location = booked.header("Location");
        assertTrue(location.matches(".*/appointments/group/\\d+/members\\?saved=booked"), location);
        String members = browser.get(location).then().statusCode(200).extract().asString();
        assertTrue(members.contains("Vastaanotolla nyt (2)"), members);
        assertTrue(members.contains("Test " + notAssessed.username() + ": etäkuntoutuksen soveltuvuutta ei ole vielä arvioitu"), members);
        assertTrue(members.contains("Osallistujat vastaavat vertaisryhmää"), members);

        // The client is assessed and a new member joins: the page offers both, one click adds them.
        long period = notAssessed.as().get("/api/v1/periods").then().statusCode(200).extract().jsonPath().getLong("[0].id");
        Rehab.assessSuitable(specialist, period);
        Api.Account dora = suitable(specialist);
        join(specialist, groupId, dora);
        String path = location.substring(location.indexOf("/appointments/"), location.indexOf('?'));
        long id = Long.parseLong(path.replaceAll("\\D", ""));
        assertTrue(browser.get("/appointments/" + id).asString().contains("href=\"" + path + "\""), "the session links to its members");
        String before = browser.get(path).then().statusCode(200).extract().asString();
        assertTrue(before.contains("Test " + dora.username()) && before.contains("Päivitä osallistujat"), before);
        assertEquals(303, browser.post(path, Map.of()).statusCode());
        specialist.as().get("/api/v1/appointments/" + id).then().statusCode(200).body("clientCount", equalTo(4));
        assertTrue(browser.get(path + "?saved=refreshed").asString().contains("Osallistujat on päivitetty."));
        // Another specialist cannot see the page at all.
        assertEquals(404, new Browser().signIn(Api.create("SPECIALIST").username(), Api.PASSWORD).get(path).statusCode());
    }
}
