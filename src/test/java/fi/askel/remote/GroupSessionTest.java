package fi.askel.remote;

import fi.askel.common.Dates;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Rehab;
import fi.askel.support.SmtpTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Group sessions: a specialist and two to six of their clients. Booking rules, who sees what (a client
 * never learns who else is in the group before the call), the invitation emails, and the signalling
 * mesh: an offer named for one peer reaches only that one, a chat line reaches everyone else.
 */
@QuarkusTest
class GroupSessionTest {

    @TestHTTPResource("/")
    URL base;

    /** A specialist with {@code n} clients in current periods. */
    private static List<Api.Account> group(Api.Account specialist, int n) {
        List<Api.Account> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Api.Account client = Api.create("CLIENT");
            Rehab.suitablePeriod(specialist, Map.of("clientId", client.id(), "serviceType", "REHAB_COURSE",
                            "startsOn", Dates.today().minusDays(5).toString(), "endsOn", Dates.today().plusDays(60).toString()));
            clients.add(client);
        }
        return clients;
    }

    private static Map<String, Object> booking(List<Api.Account> clients, OffsetDateTime start) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientIds", clients.stream().map(Api.Account::id).toList());
        body.put("startsAt", start.toString());
        body.put("durationMinutes", 60);
        body.put("topic", "Vertaisryhmän tapaaminen");
        return body;
    }

    @Test
    void a_group_session_is_booked_for_followed_clients_and_each_sees_only_themselves() throws Exception {
        Api.Account specialist = Api.create("SPECIALIST");
        List<Api.Account> clients = group(specialist, 3);
        long id = specialist.as().body(booking(clients, Calls.in(Duration.ofDays(3)))).post("/api/v1/appointments")
                .then().statusCode(201).body("kind", equalTo("GROUP")).body("clientCount", equalTo(3))
                .body("clients", hasSize(3)).extract().jsonPath().getLong("id");

        for (Api.Account client : clients) {
            client.as().get("/api/v1/appointments/" + id).then().statusCode(200)
                    .body("clients", hasSize(1)).body("clients[0].id", equalTo((int) client.id()))
                    .body("clientCount", equalTo(3)).body("specialistName", equalTo("Test " + specialist.username()));
            client.as().get("/api/v1/appointments").then().statusCode(200).body("find { it.id == " + id + " }.kind", equalTo("GROUP"));
            String mail = SmtpTestResource.await(client.username() + "@example.org", 1).get(0).text();
            assertTrue(mail.contains("/calls/" + id), mail);
            for (Api.Account other : clients) {
                if (other != client) {
                    assertTrue(!mail.contains(other.username()), "an invitation names no other member");
                }
            }
        }
        Api.create("CLIENT").as().get("/api/v1/appointments/" + id).then().statusCode(404);
        // A colleague following one member does not see the group (it would name the others).
        Api.Account colleague = Api.create("SPECIALIST");
        long periodId = clients.get(0).as().get("/api/v1/periods").then().statusCode(200).extract().jsonPath().getLong("[0].id");
        specialist.as().body(Map.of("userId", colleague.id())).post("/api/v1/periods/" + periodId + "/specialists")
                .then().statusCode(200);
        colleague.as().get("/api/v1/appointments/" + id).then().statusCode(404);
        colleague.as().queryParam("clientId", clients.get(0).id()).get("/api/v1/appointments").then().statusCode(200)
                .body("id", hasSize(0));
    }

    @Test
    void group_size_and_membership_are_checked_and_nothing_is_created_when_refused() {
        Api.Account specialist = Api.create("SPECIALIST");
        List<Api.Account> seven = group(specialist, 7);
        var one = specialist.as().body(booking(seven.subList(0, 1), Calls.in(Duration.ofDays(2)))).post("/api/v1/appointments").then();
        Calls.assertProblem(one, 400, "validation");
        one.body("violations[0].field", equalTo("clientIds"));
        var tooMany = specialist.as().body(booking(seven, Calls.in(Duration.ofDays(2)))).post("/api/v1/appointments").then();
        Calls.assertProblem(tooMany, 400, "validation");
        tooMany.body("violations[0].message", equalTo("Valitse ryhmään 2–6 asiakasta."));
        Map<String, Object> repeated = booking(seven.subList(0, 2), Calls.in(Duration.ofDays(2)));
        repeated.put("clientIds", List.of(seven.get(0).id(), seven.get(0).id()));
        Calls.assertProblem(specialist.as().body(repeated).post("/api/v1/appointments").then(), 400, "validation");
        Map<String, Object> both = booking(seven.subList(0, 2), Calls.in(Duration.ofDays(2)));
        both.put("clientId", seven.get(0).id());
        Calls.assertProblem(specialist.as().body(both).post("/api/v1/appointments").then(), 400, "validation");
        // A client of another specialist is unknown here.
        List<Api.Account> mixed = new ArrayList<>(seven.subList(0, 2));
        mixed.add(group(Api.create("SPECIALIST"), 1).get(0));
        specialist.as().body(booking(mixed, Calls.in(Duration.ofDays(2)))).post("/api/v1/appointments").then().statusCode(404);
        specialist.as().get("/api/v1/appointments").then().statusCode(200).body("id", hasSize(0));
    }

    @Test
    void the_mesh_relays_to_the_named_peer_or_to_everyone_else_and_records_attendance() {
        Api.Account specialist = Api.create("SPECIALIST");
        List<Api.Account> clients = group(specialist, 2);
        long id = specialist.as().body(booking(clients, Calls.in(Duration.ofMinutes(10)))).post("/api/v1/appointments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Api.Account anna = clients.get(0);
        Api.Account bert = clients.get(1);
        // Each joins only after the one before is in, so who is already there is certain.
        try (Signal s = Signal.open(base, id, specialist.token(), "specialist")) {
            Map<String, Object> welcome = s.next("welcome");
            assertEquals(true, welcome.get("group"));
            assertEquals(List.of(), welcome.get("peers"));
            try (Signal a = Signal.open(base, id, anna.token(), "anna")) {
                Map<String, Object> annaWelcome = a.next("welcome");
                assertEquals(1, ((List<?>) annaWelcome.get("peers")).size(), annaWelcome.toString());
                assertEquals((int) anna.id(), ((Number) s.next("peer-joined").get("id")).intValue());
                try (Signal b = Signal.open(base, id, bert.token(), "bert");
                        Signal outsider = Signal.open(base, id, Api.create("CLIENT").token(), "outsider")) {
                    Map<String, Object> bertWelcome = b.next("welcome");
                    assertEquals(2, ((List<?>) bertWelcome.get("peers")).size(), bertWelcome.toString());
                    s.next("peer-joined");
                    a.next("peer-joined");
                    assertEquals("not-found", outsider.next("refused").get("reason"));
                    assertEquals(4404, outsider.closeCode());
                    relays(specialist, anna, bert, s, a, b);
                }
            }
        }
        specialist.as().get("/api/v1/appointments/" + id).then().statusCode(200)
                .body("attendance.tookPlace", equalTo(true));
    }

    private static void relays(Api.Account specialist, Api.Account anna, Api.Account bert, Signal s, Signal a, Signal b) {
        s.send(Map.of("type", "offer", "to", bert.id(), "sdp", Map.of("type", "offer", "sdp", "v=0 for bert")));
        Map<String, Object> offer = b.next("offer");
        assertEquals("SPECIALIST", offer.get("from"));
        assertEquals((int) specialist.id(), ((Number) offer.get("fromId")).intValue());
        a.expectNothing();

        a.send(Map.of("type", "chat", "text", "Hei kaikki!"));
        assertEquals("Hei kaikki!", s.next("chat").get("text"));
        Map<String, Object> chat = b.next("chat");
        assertEquals("Test " + anna.username(), chat.get("fromName"));
        a.expectNothing();
    }
}
