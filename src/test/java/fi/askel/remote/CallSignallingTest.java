package fi.askel.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Rehab;
import fi.askel.support.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The call's signalling socket over a real WebSocket: what is relayed to whom, a second connection replacing the
 * first, and what is kept of the call afterwards. Who gets in: {@link CallAdmissionTest}.
 */
@QuarkusTest
class CallSignallingTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestClock clock;

    @Test
    void the_two_participants_signal_to_each_other_and_only_to_each_other() {
        Rehab.Team team = Rehab.team();
        Rehab.Team other = Rehab.team();
        long id = Calls.soon(team);
        String specialistName = "Test " + team.specialist().username();
        String clientName = "Test " + team.client().username();

        Signal specialist = Signal.open(base, id, team.specialist().token(), "specialist");
        Map<String, Object> welcome = specialist.next("welcome");
        assertEquals("SPECIALIST", welcome.get("role"));
        assertEquals(clientName, welcome.get("peerName"));
        assertEquals(false, welcome.get("peerPresent"));
        assertNotNull(welcome.get("closesAt"));

        Signal client = Signal.open(base, id, team.client().token(), "client");
        Map<String, Object> clientWelcome = client.next("welcome");
        assertEquals("CLIENT", clientWelcome.get("role"));
        assertEquals(specialistName, clientWelcome.get("peerName"));
        assertEquals(true, clientWelcome.get("peerPresent"));
        assertEquals(clientName, specialist.next("peer-joined").get("name"));

        // Someone else trying to get in meanwhile is refused and hears nothing of the call.
        Signal intruder = Signal.open(base, id, other.client().token(), "other client");
        intruder.expectRefused("not-found", 4404);

        // An offer from the specialist reaches the client only, marked as from the specialist.
        specialist.send(Map.of("type", "offer", "sdp", "v=0 specialist-offer"));
        Map<String, Object> offer = client.next("offer");
        assertEquals("v=0 specialist-offer", offer.get("sdp"));
        assertEquals("SPECIALIST", offer.get("from"));
        specialist.expectNothing();

        // The client answers; a forged "from" is overwritten.
        client.send(Map.of("type", "answer", "sdp", "v=0 client-answer", "from", "SPECIALIST"));
        Map<String, Object> answer = specialist.next("answer");
        assertEquals("CLIENT", answer.get("from"));
        client.expectNothing();

        client.send(Map.of("type", "chat", "text", "Kuuluuko ääni?"));
        Map<String, Object> chat = specialist.next("chat");
        assertEquals("Kuuluuko ääni?", chat.get("text"));
        assertEquals("CLIENT", chat.get("from"));
        client.expectNothing();

        // Unknown types and non-JSON go back to the sender as errors, never to the other side.
        client.send(Map.of("type", "whisper", "text", "salaisuus"));
        assertEquals("unknown-type", client.next("error").get("reason"));
        specialist.sendText("this is not json");
        assertEquals("not-json", specialist.next("error").get("reason"));
        specialist.expectNothing();
        client.expectNothing();

        assertTrue(intruder.received.isEmpty(), "the refused third party received " + intruder.received);

        // The client leaves: the specialist is told.
        client.close();
        specialist.next("peer-left");
        specialist.close();

        JsonPath after = team.specialist().as().get("/api/v1/appointments/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(Boolean.TRUE, after.getBoolean("attendance.tookPlace"), after.prettify());
        assertNotNull(after.getString("attendance.clientJoinedAt"), after.prettify());
        assertNotNull(after.getString("attendance.specialistJoinedAt"), after.prettify());
        assertNotNull(after.getString("attendance.callStartedAt"), after.prettify());
        team.client().as().get("/api/v1/appointments/" + id).then().statusCode(200)
                .body("attendance.tookPlace", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void a_second_connection_of_the_client_replaces_the_first() {
        Rehab.Team team = Rehab.team();
        long id = Calls.soon(team);
        Signal specialist = Signal.open(base, id, team.specialist().token(), "specialist");
        specialist.next("welcome");
        Signal first = Signal.open(base, id, team.client().token(), "client tab 1");
        first.next("welcome");
        specialist.next("peer-joined");

        Signal second = Signal.open(base, id, team.client().token(), "client tab 2");
        first.next("replaced");
        assertEquals(4409, first.closeCode());
        Map<String, Object> welcome = second.next("welcome");
        assertEquals(true, welcome.get("peerPresent"));
        specialist.next("peer-joined");

        specialist.send(Map.of("type", "chat", "text", "Näkyykö tämä?"));
        Map<String, Object> chat = second.next("chat");
        assertEquals("Näkyykö tämä?", chat.get("text"));
        assertEquals("SPECIALIST", chat.get("from"));
        second.send(Map.of("type", "candidate", "candidate", "candidate:1 1 UDP 1 192.0.2.1 5000 typ host"));
        assertEquals("CLIENT", specialist.next("candidate").get("from"));
        assertTrue(first.received.isEmpty(), "the replaced connection received " + first.received);

        // The replaced connection going away did not tell the specialist the client left.
        specialist.expectNothing();

        specialist.close();
        second.next("peer-left");
        // Chatting alone is answered with peer-absent.
        second.send(Map.of("type", "chat", "text", "Hei?"));
        assertEquals("peer-absent", second.next("error").get("reason"));
        second.close();
        assertEquals(Boolean.TRUE, team.client().as().get("/api/v1/appointments/" + id).then().statusCode(200)
                .extract().jsonPath().getBoolean("attendance.tookPlace"));
    }

    /**
     * What is kept of a call: how long the two were in it together (12 minutes on the service's clock), and
     * nothing of what they wrote: the chat line is not in the client's own export of all their data, where the
     * call itself is.
     */
    @Test
    void the_call_keeps_how_long_it_lasted_and_nothing_of_the_chat() throws Exception {
        Rehab.Team team = Rehab.team();
        long id = Calls.soon(team);
        Signal specialist = Signal.open(base, id, team.specialist().token(), "specialist");
        specialist.next("welcome");
        Signal client = Signal.open(base, id, team.client().token(), "client");
        client.next("welcome");
        specialist.next("peer-joined");
        String chatLine = "Polvi on parempi, kiitos kysymasta " + id;
        client.send(Map.of("type", "chat", "text", chatLine));
        assertEquals(chatLine, specialist.next("chat").get("text"));

        clock.advance(Duration.ofMinutes(12));
        client.close();
        specialist.next("peer-left");
        specialist.close();

        JsonPath after = null;
        for (int i = 0; i < 50; i++) {
            after = team.specialist().as().get("/api/v1/appointments/" + id).then().statusCode(200).extract().jsonPath();
            if (after.getInt("attendance.callMinutes") > 0) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(12, after.getInt("attendance.callMinutes"), after.prettify());

        byte[] zip = team.client().as().accept("application/zip").get("/api/v1/me/export").then().statusCode(200)
                .extract().asByteArray();
        StringBuilder all = new StringBuilder();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                all.append(e.getName()).append('\n')
                        .append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).append('\n');
            }
        }
        assertTrue(all.toString().contains("Videovastaanotto"), "the call is in the export: " + all);
        assertTrue(!all.toString().contains("kiitos kysymasta " + id), "the chat line is not kept anywhere in the export");
    }
}
