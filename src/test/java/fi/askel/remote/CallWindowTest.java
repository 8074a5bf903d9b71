package fi.askel.remote;

import static fi.askel.remote.Calls.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Rehab;
import fi.askel.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the call settings can be fetched: only by the two participants, only within the call's window. */
@QuarkusTest
class CallWindowTest {

    @Inject
    TestClock clock;

    private static String call(long id) {
        return "/api/v1/appointments/" + id + "/call";
    }

    @Test
    void both_participants_get_the_settings_when_the_call_starts_in_ten_minutes() {
        Rehab.Team team = Rehab.team();
        OffsetDateTime start = Calls.in(Duration.ofMinutes(11));
        long id = Calls.book(team.specialist(), team.client().id(), start, 30, "Aloituskeskustelu");

        JsonPath client = team.client().as().get(call(id)).then().statusCode(200).extract().jsonPath();
        assertEquals(id, client.getLong("appointmentId"));
        assertEquals("CLIENT", client.getString("role"));
        assertEquals("Test " + team.specialist().username(), client.getString("peerName"));
        assertEquals("/calls/" + id + "/signal", client.getString("signalPath"));
        assertEquals("Aloituskeskustelu", client.getString("topic"));
        assertEquals(start.toInstant().toString(), client.getString("startsAt"));
        assertEquals(start.plusMinutes(45).toInstant().toString(), client.getString("closesAt"));
        assertTrue(client.getList("iceServers") != null, "iceServers is a list");

        JsonPath specialist = team.specialist().as().get(call(id)).then().statusCode(200).extract().jsonPath();
        assertEquals("SPECIALIST", specialist.getString("role"));
        assertEquals("Test " + team.client().username(), specialist.getString("peerName"));
        assertEquals("/calls/" + id + "/signal", specialist.getString("signalPath"));
    }

    @Test
    void too_early_is_409_call_not_open_naming_when_it_opens() {
        Rehab.Team team = Rehab.team();
        OffsetDateTime start = Calls.in(Duration.ofHours(2));
        long id = Calls.book(team.specialist(), team.client().id(), start);
        String opens = DateTimeFormatter.ofPattern("d.M.yyyy 'klo' H.mm").format(start.minusMinutes(15).atZoneSameInstant(Calls.HELSINKI));
        for (Api.Account who : List.of(team.client(), team.specialist())) {
            ValidatableResponse r = who.as().get(call(id)).then();
            assertProblem(r, 409, "call-not-open");
            assertEquals("Vastaanotto ei ole vielä alkanut. Voit liittyä " + opens + " alkaen.", r.extract().jsonPath().getString("detail"));
        }
        // Sixteen minutes before the start it is still closed; fourteen before, open.
        clock.advance(Duration.between(OffsetDateTime.now(), start.minusMinutes(16)));
        assertProblem(team.client().as().get(call(id)).then(), 409, "call-not-open");
        clock.advance(Duration.ofMinutes(2));
        team.client().as().get(call(id)).then().statusCode(200);
    }

    @Test
    void after_the_end_and_the_grace_period_is_409_call_ended() {
        Rehab.Team team = Rehab.team();
        OffsetDateTime start = Calls.in(Duration.ofMinutes(11));
        long id = Calls.book(team.specialist(), team.client().id(), start, 30, "Lyhyt");
        team.client().as().get(call(id)).then().statusCode(200);
        // Ten minutes into the grace period: still open.
        clock.advance(Duration.between(OffsetDateTime.now(), start.plusMinutes(40)));
        team.client().as().get(call(id)).then().statusCode(200);
        clock.advance(Duration.ofMinutes(6));
        for (Api.Account who : List.of(team.client(), team.specialist())) {
            ValidatableResponse r = who.as().get(call(id)).then();
            assertProblem(r, 409, "call-ended");
            assertEquals("Tämä videovastaanotto on jo päättynyt.", r.extract().jsonPath().getString("detail"));
        }
    }

    @Test
    void a_cancelled_call_is_409_appointment_cancelled() {
        Rehab.Team team = Rehab.team();
        long id = Calls.book(team.specialist(), team.client().id(), Calls.in(Duration.ofMinutes(11)));
        Calls.cancel(team.specialist(), id, "Peruttu");
        for (Api.Account who : List.of(team.client(), team.specialist())) {
            ValidatableResponse r = who.as().get(call(id)).then();
            assertProblem(r, 409, "appointment-cancelled");
            assertEquals("Tämä videovastaanotto on peruttu.", r.extract().jsonPath().getString("detail"));
        }
    }

    @Test
    void nobody_but_the_two_participants_gets_anything() {
        Rehab.Team team = Rehab.team();
        Rehab.Team other = Rehab.team();
        Api.Account colleague = Api.create("SPECIALIST");
        team.specialist().as().body(Map.of("userId", colleague.id()))
                .post("/api/v1/periods/" + team.periodId() + "/specialists").then().statusCode(200);
        long id = Calls.book(team.specialist(), team.client().id(), Calls.in(Duration.ofMinutes(11)), 30, "Yksityinen");
        for (Api.Account stranger : List.of(other.client(), other.specialist(), colleague, Api.admin())) {
            ValidatableResponse r = stranger.as().get(call(id)).then();
            assertProblem(r, 404, "not-found");
            assertTrue(!r.extract().asString().contains("Yksityinen"), stranger.role());
        }
        io.restassured.RestAssured.given().get(call(id)).then().statusCode(401);
        team.client().as().get(call(Long.MAX_VALUE)).then().statusCode(404);
    }
}
