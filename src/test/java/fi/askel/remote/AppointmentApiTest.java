package fi.askel.remote;

import static fi.askel.remote.Calls.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Booking, reading, moving and cancelling video-call appointments over the API, as each kind of person. */
@QuarkusTest
class AppointmentApiTest {

    private static final String APPOINTMENTS = "/api/v1/appointments";

    @Test
    void a_specialist_books_a_call_both_participants_see_it_and_strangers_do_not() {
        Rehab.Team team = Rehab.team();
        Rehab.Team other = Rehab.team();
        OffsetDateTime start = Calls.in(Duration.ofDays(3));
        String topic = Api.unique("Kotiharjoittelun tilanne");

        JsonPath booked = Calls.tryBook(team.specialist(), team.client().id(), start, 45, topic)
                .statusCode(201).header("Location", containsString(APPOINTMENTS + "/")).extract().jsonPath();
        long id = booked.getLong("id");
        assertEquals(team.client().id(), booked.getLong("clientId"));
        assertEquals(team.specialist().id(), booked.getLong("specialistId"));
        assertEquals(team.periodId(), booked.getLong("periodId"));
        assertEquals(start.toInstant().toString(), booked.getString("startsAt"));
        assertEquals(start.plusMinutes(45).toInstant().toString(), booked.getString("endsAt"));
        assertEquals(topic, booked.getString("topic"));
        assertEquals("SCHEDULED", booked.getString("status"));
        assertEquals(Boolean.FALSE, booked.getBoolean("attendance.tookPlace"));

        // Both participants find it in their own lists; the client does not need to name themselves.
        team.client().as().get(APPOINTMENTS).then().statusCode(200).body("id", hasItem((int) id));
        team.specialist().as().get(APPOINTMENTS).then().statusCode(200).body("id", hasItem((int) id));
        team.specialist().as().queryParam("clientId", team.client().id()).get(APPOINTMENTS)
                .then().statusCode(200).body("id", hasItem((int) id));
        team.client().as().get(APPOINTMENTS + "/" + id).then().statusCode(200).body("topic", org.hamcrest.Matchers.equalTo(topic));
        // The other client's and their specialist's lists do not show it.
        other.client().as().get(APPOINTMENTS).then().statusCode(200).body("id", not(hasItem((int) id)));
        other.specialist().as().get(APPOINTMENTS).then().statusCode(200).body("id", not(hasItem((int) id)));

        for (Api.Account stranger : List.of(other.client(), other.specialist())) {
            for (String path : List.of("", "/ics", "/call")) {
                ValidatableResponse r = stranger.as().accept("*/*").get(APPOINTMENTS + "/" + id + path).then();
                r.statusCode(404);
                assertTrue(!r.extract().asString().contains(topic), stranger.role() + " " + path + " shows the topic");
            }
            // Nor can they see the list of the client's calls.
            stranger.as().queryParam("clientId", team.client().id()).get(APPOINTMENTS).then().statusCode(404);
        }
    }

    @Test
    void only_a_specialist_responsible_for_the_client_can_book() {
        Rehab.Team team = Rehab.team();
        Rehab.Team other = Rehab.team();
        OffsetDateTime start = Calls.in(Duration.ofDays(2));
        // A specialist who does not follow the client is told the client does not exist.
        assertProblem(Calls.tryBook(other.specialist(), team.client().id(), start, 30, "Aihe"), 404, "not-found");
        // A client cannot book, not even with themselves.
        team.client().as().body(Calls.booking(team.client().id(), start, 30, "Aihe")).post(APPOINTMENTS)
                .then().statusCode(403);
        team.specialist().as().queryParam("clientId", team.client().id()).get(APPOINTMENTS)
                .then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void the_booking_specialist_moves_and_cancels_and_a_cancelled_call_stays_cancelled() {
        Rehab.Team team = Rehab.team();
        long id = Calls.book(team.specialist(), team.client().id(), Calls.in(Duration.ofDays(4)), 30, "Alkuperäinen");
        OffsetDateTime later = Calls.in(Duration.ofDays(6)).withHour(10).withMinute(15);
        JsonPath moved = team.specialist().as()
                .body(Map.of("startsAt", later.toString(), "durationMinutes", 50, "topic", "Siirretty", "note", "Ota kävelysauvat"))
                .put(APPOINTMENTS + "/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(later.toInstant().toString(), moved.getString("startsAt"));
        assertEquals(50, moved.getInt("durationMinutes"));
        assertEquals("Siirretty", moved.getString("topic"));
        assertEquals("Ota kävelysauvat", moved.getString("note"));
        team.client().as().get(APPOINTMENTS + "/" + id).then().statusCode(200)
                .body("startsAt", org.hamcrest.Matchers.equalTo(later.toInstant().toString()));

        // Moving validates like booking.
        ValidatableResponse bad = team.specialist().as().body(Map.of("startsAt", later.toString(), "durationMinutes", 300, "topic", ""))
                .put(APPOINTMENTS + "/" + id).then();
        assertProblem(bad, 400, "validation");
        assertTrue(bad.extract().jsonPath().getList("violations.field").containsAll(List.of("durationMinutes", "topic")));
        ValidatableResponse outside = team.specialist().as()
                .body(Map.of("startsAt", Calls.in(Duration.ofDays(80)).toString(), "durationMinutes", 30, "topic", "Liian myöhään"))
                .put(APPOINTMENTS + "/" + id).then();
        assertProblem(outside, 400, "validation");
        assertEquals(List.of("startsAt"), outside.extract().jsonPath().getList("violations.field"));

        JsonPath cancelled = team.specialist().as().body(Map.of("reason", "Sairastuin"))
                .post(APPOINTMENTS + "/" + id + "/cancel").then().statusCode(200).extract().jsonPath();
        assertEquals("CANCELLED", cancelled.getString("status"));
        assertEquals("Sairastuin", cancelled.getString("cancelReason"));
        team.client().as().get(APPOINTMENTS + "/" + id).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("CANCELLED"));

        ValidatableResponse again = team.specialist().as()
                .body(Map.of("startsAt", later.toString(), "durationMinutes", 30, "topic", "Uudestaan"))
                .put(APPOINTMENTS + "/" + id).then();
        assertProblem(again, 409, "appointment-cancelled");
        assertEquals("Vastaanotto on peruttu.", again.extract().jsonPath().getString("detail"));
        assertProblem(team.specialist().as().body(Map.of()).post(APPOINTMENTS + "/" + id + "/cancel").then(), 409,
                "appointment-cancelled");
        // The time it held is free again.
        Calls.book(team.specialist(), team.client().id(), later, 30, "Uusi varaus");
    }

    @Test
    void a_colleague_following_the_client_reads_but_cannot_change_and_the_client_cannot_change_either() {
        Rehab.Team team = Rehab.team();
        Api.Account colleague = Api.create("SPECIALIST");
        team.specialist().as().body(Map.of("userId", colleague.id()))
                .post("/api/v1/periods/" + team.periodId() + "/specialists").then().statusCode(200);
        OffsetDateTime start = Calls.in(Duration.ofDays(3));
        long id = Calls.book(team.specialist(), team.client().id(), start, 30, "Yhteinen asiakas");

        colleague.as().get(APPOINTMENTS + "/" + id).then().statusCode(200).body("topic", org.hamcrest.Matchers.equalTo("Yhteinen asiakas"));
        colleague.as().queryParam("clientId", team.client().id()).get(APPOINTMENTS).then().statusCode(200)
                .body("id", hasItem((int) id));
        colleague.as().accept("text/calendar").get(APPOINTMENTS + "/" + id + "/ics").then().statusCode(200);
        Map<String, Object> move = Map.of("startsAt", start.plusHours(1).toString(), "durationMinutes", 30, "topic", "Siirto");
        ValidatableResponse put = colleague.as().body(move).put(APPOINTMENTS + "/" + id).then();
        assertProblem(put, 403, "forbidden");
        assertEquals("Vain vastaanoton varannut asiantuntija voi muuttaa tai perua sen.", put.extract().jsonPath().getString("detail"));
        assertProblem(colleague.as().body(Map.of("reason", "x")).post(APPOINTMENTS + "/" + id + "/cancel").then(), 403, "forbidden");
        // The colleague is not a participant: the call itself is not theirs to join.
        colleague.as().get(APPOINTMENTS + "/" + id + "/call").then().statusCode(404);

        team.client().as().body(move).put(APPOINTMENTS + "/" + id).then().statusCode(403);
        team.client().as().body(Map.of("reason", "x")).post(APPOINTMENTS + "/" + id + "/cancel").then().statusCode(403);
        team.client().as().get(APPOINTMENTS + "/" + id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("SCHEDULED"))
                .body("startsAt", org.hamcrest.Matchers.equalTo(start.toInstant().toString()));
    }

    @Test
    void the_calendar_file_has_the_time_in_utc_the_topic_and_becomes_cancelled() {
        Rehab.Team team = Rehab.team();
        OffsetDateTime start = Calls.in(Duration.ofDays(3)).withHour(9).withMinute(30);
        String topic = Api.unique("Tavoitteiden tarkistus");
        long id = Calls.book(team.specialist(), team.client().id(), start, 40, topic);

        String ics = team.client().as().accept("text/calendar").get(APPOINTMENTS + "/" + id + "/ics").then().statusCode(200)
                .contentType(containsString("text/calendar"))
                .header("Content-Disposition", containsString(".ics")).extract().asString();
        String unfolded = ics.replace("\r\n ", "");
        assertTrue(unfolded.startsWith("BEGIN:VCALENDAR\r\n"), ics);
        assertTrue(unfolded.contains("\r\nDTSTART:" + Calls.ICS_UTC.format(start.toInstant()) + "\r\n"), ics);
        assertTrue(unfolded.contains("\r\nDTEND:" + Calls.ICS_UTC.format(start.plusMinutes(40).toInstant()) + "\r\n"), ics);
        assertTrue(unfolded.contains("\r\nSUMMARY:Videovastaanotto: " + topic + "\r\n"), ics);
        assertTrue(unfolded.contains("/calls/" + id), ics);
        assertTrue(unfolded.contains("\r\nSTATUS:CONFIRMED\r\n"), ics);
        assertTrue(unfolded.trim().endsWith("END:VCALENDAR"), ics);

        Calls.cancel(team.specialist(), id, "Ei tarvita");
        String after = team.client().as().accept("text/calendar").get(APPOINTMENTS + "/" + id + "/ics").then().statusCode(200)
                .extract().asString().replace("\r\n ", "");
        assertTrue(after.contains("\r\nSTATUS:CANCELLED\r\n"), after);
        assertTrue(after.contains("\r\nUID:appointment-" + id + "@"), after);
        assertTrue(sequence(after) > sequence(unfolded), "a cancelled event has a higher SEQUENCE:\n" + unfolded + "\n" + after);
    }

    @Test
    void the_client_sees_in_their_access_log_that_the_specialist_booked_a_call() {
        Rehab.Team team = Rehab.team();
        Calls.book(team.specialist(), team.client().id(), Calls.in(Duration.ofDays(2)));
        JsonPath log = team.client().as().queryParam("size", 200).get("/api/v1/me/access-log").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> items = log.getList("items");
        String name = "Test " + team.specialist().username();
        assertTrue(items.stream().anyMatch(i -> "APPOINTMENT_CHANGED".equals(i.get("kind")) && name.equals(i.get("who"))
                && "SPECIALIST".equals(i.get("role")) && "Varasi, siirsi tai perui videovastaanoton".equals(i.get("what"))),
                items.toString());
    }

    @Test
    void listing_takes_days_and_refuses_a_bad_range() {
        Rehab.Team team = Rehab.team();
        OffsetDateTime start = Calls.in(Duration.ofDays(10)).withHour(12);
        long id = Calls.book(team.specialist(), team.client().id(), start);
        String day = start.toLocalDate().toString();
        team.client().as().queryParam("from", day).queryParam("to", day).get(APPOINTMENTS).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo(List.of((int) id)));
        team.client().as().queryParam("from", start.toLocalDate().plusDays(1).toString()).get(APPOINTMENTS).then()
                .statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(0));
        ValidatableResponse range = team.client().as().queryParam("from", day).queryParam("to", start.toLocalDate().minusDays(1).toString())
                .get(APPOINTMENTS).then();
        assertProblem(range, 400, "validation");
        assertEquals(List.of("to"), range.extract().jsonPath().getList("violations.field"));
        ValidatableResponse bad = team.client().as().queryParam("from", "huomenna").get(APPOINTMENTS).then();
        assertProblem(bad, 400, "validation");
        assertEquals(List.of("from"), bad.extract().jsonPath().getList("violations.field"));
    }

    private static int sequence(String ics) {
        String line = ics.lines().filter(l -> l.startsWith("SEQUENCE:")).findFirst().orElseThrow();
        return Integer.parseInt(line.substring("SEQUENCE:".length()).trim());
    }
}
