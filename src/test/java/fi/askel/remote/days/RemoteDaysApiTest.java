package fi.askel.remote.days;

import fi.askel.common.Dates;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.remote.Calls;
import fi.askel.remote.Signal;
import fi.askel.support.Api;
import fi.askel.support.Rehab;
import fi.askel.support.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Remote-rehabilitation days: proposed from what happened, confirmed, exported, and kept from strangers. */
@QuarkusTest
class RemoteDaysApiTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestClock clock;

    private static String days(Rehab.Team team) {
        return "/api/v1/periods/" + team.periodId() + "/remote-days";
    }

    private static JsonPath proposals(Rehab.Team team) {
        return team.specialist().as().get(days(team) + "/proposals").then().statusCode(200).extract().jsonPath();
    }

    private static LocalDate dayOf(OffsetDateTime start) {
        return start.atZoneSameInstant(Dates.ZONE).toLocalDate();
    }

    @Test
    void a_call_that_took_place_is_proposed_and_once_confirmed_is_recorded_and_no_longer_proposed() throws Exception {
        Rehab.Team team = Rehab.team();
        OffsetDateTime start = Calls.in(Duration.ofMinutes(11));
        long id = Calls.book(team.specialist(), team.client().id(), start, 30, "Videovastaanotto");
        // The client opens only once the specialist is seated: a handshake is answered before the
        // server's open handler runs, so two sockets opened back to back may be seated in either order.
        try (Signal specialist = Signal.open(base, id, team.specialist().token(), "specialist");
                Signal client = specialist.thenOpen("welcome", base, id, team.client().token(), "client")) {
            client.next("welcome");
            specialist.next("peer-joined");
            Thread.sleep(1200);
        }
        // Proposals are for days that have begun: run after 23.49 in Helsinki, the call's day is tomorrow.
        clock.advance(Duration.ofHours(1));
        String date = dayOf(start).toString();
        JsonPath proposed = proposals(team);
        assertEquals(List.of("VIDEO_CALL"), proposed.getList("find { it.date == '" + date + "' }.content"), proposed.prettify());
        assertEquals("ATTENDED", proposed.getString("find { it.date == '" + date + "' }.outcome"));
        assertTrue(proposed.getInt("find { it.date == '" + date + "' }.minutes") >= 1, proposed.prettify());
        assertEquals(List.of((int) id), proposed.getList("find { it.date == '" + date + "' }.appointmentIds"));

        team.specialist().as().body(Map.of("dates", List.of(date))).post(days(team) + "/proposals/confirm")
                .then().statusCode(200).body("date", hasItem(date));

        JsonPath recorded = team.specialist().as().get(days(team)).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("VIDEO_CALL"), recorded.getList("days.find { it.date == '" + date + "' }.content"));
        assertEquals("Test " + team.specialist().username(), recorded.getString("days.find { it.date == '" + date + "' }.recordedBy"));
        assertEquals(1, recorded.getInt("totals.days"));
        assertFalse(proposals(team).getList("date").contains(date), "a recorded day is not proposed again");

        // The client sees the day, read-only.
        team.client().as().get(days(team)).then().statusCode(200).body("days.date", hasItem(date));
        team.client().as().body(Map.of("date", date, "content", List.of("VIDEO_CALL"), "minutes", 30, "outcome", "ATTENDED"))
                .put(days(team) + "/" + date).then().statusCode(403);
    }

    @Test
    void exercise_logs_are_proposed_as_online_exercises_with_the_default_minutes() {
        Rehab.Team team = Rehab.team();
        String slug = "back-and-neck";
        long assignment = Rehab.assign(team, slug);
        Map<String, Object> step = team.client().as().get("/api/v1/modules/" + slug).then().statusCode(200).extract().jsonPath()
                .getMap("steps.find { it.type == 'exercise' }");
        team.client().as().body(Map.of("answer", Rehab.validAnswer(step), "final", true))
                .put("/api/v1/assignments/" + assignment + "/steps/" + step.get("key")).then().statusCode(200);

        String today = Dates.today().toString();
        JsonPath proposed = proposals(team);
        assertEquals(List.of("ONLINE_EXERCISES"), proposed.getList("find { it.date == '" + today + "' }.content"), proposed.prettify());
        assertEquals(30, proposed.getInt("find { it.date == '" + today + "' }.minutes"));
        assertTrue(proposed.getList("find { it.date == '" + today + "' }.sources").contains("EXERCISE_LOG"));

        // Confirm all: recorded, nothing left to propose.
        team.specialist().as().body(Map.of()).post(days(team) + "/proposals/confirm").then().statusCode(200);
        assertTrue(proposals(team).getList("date").isEmpty());
    }

    @Test
    void a_booked_call_nobody_joined_is_proposed_as_no_show_and_a_cancelled_one_is_no_day() {
        Rehab.Team team = Rehab.team();
        OffsetDateTime start = Calls.in(Duration.ofMinutes(11));
        long cancelled = Calls.book(team.specialist(), team.client().id(), start, 30, "Peruttu");
        Calls.cancel(team.specialist(), cancelled, "Sairastuin");
        long missed = Calls.book(team.specialist(), team.client().id(), start.plusMinutes(60), 30, "Unohtui");
        clock.advance(Duration.ofHours(3));

        // The missed call's own day: after 22.49 in Helsinki it is the next day (this failed when run at 23.05).
        String date = dayOf(start.plusMinutes(60)).toString();
        JsonPath proposed = proposals(team);
        assertEquals("NO_SHOW", proposed.getString("find { it.date == '" + date + "' }.outcome"), proposed.prettify());
        assertEquals(List.of((int) missed), proposed.getList("find { it.date == '" + date + "' }.appointmentIds"));
    }

    @Test
    void the_same_date_twice_is_a_conflict_and_bad_input_is_refused() {
        Rehab.Team team = Rehab.team();
        String date = Dates.today().minusDays(2).toString();
        Map<String, Object> day = Map.of("date", date, "content", List.of("GROUP_SESSION", "ONLINE_EXERCISES"), "minutes", 90,
                "outcome", "ATTENDED", "note", "Ryhmä ja kotiharjoitus");
        team.specialist().as().body(day).post(days(team)).then().statusCode(201);
        team.specialist().as().body(day).post(days(team)).then().statusCode(409);
        team.specialist().as().body(Map.of("date", date, "content", List.of(), "minutes", -5)).post(days(team))
                .then().statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItems("content", "minutes", "outcome"));

        team.specialist().as().body(Map.of("content", List.of("VIDEO_CALL"), "minutes", 45, "outcome", "CANCELLED"))
                .put(days(team) + "/" + date).then().statusCode(200).body("outcome", org.hamcrest.Matchers.equalTo("CANCELLED"))
                .body("updatedBy", org.hamcrest.Matchers.equalTo("Test " + team.specialist().username()));
    }

    @Test
    void the_csv_opens_in_excel_and_cannot_run_formulas() {
        Rehab.Team team = Rehab.team();
        String date = Dates.today().minusDays(1).toString();
        team.specialist().as().body(Map.of("date", date, "content", List.of("VIDEO_CALL"), "minutes", 40, "outcome", "ATTENDED",
                "note", "=HYPERLINK(\"http://evil.example\")")).post(days(team)).then().statusCode(201);

        byte[] bytes = team.specialist().as().accept("text/csv").get("/api/v1/periods/" + team.periodId() + "/remote-days.csv")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asByteArray();
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String csv = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertTrue(csv.startsWith("\"Päivä\";\"Sisältö\";\"Minuutit\";\"Toteutuminen\""), csv);
        assertTrue(csv.contains(date + ";\"Videovastaanotto\";40;\"Toteutui\";\"'=HYPERLINK(\"\"http://evil.example\"\")\""), csv);
    }

    @Test
    void another_specialist_and_another_client_find_no_such_period() {
        Rehab.Team team = Rehab.team();
        Rehab.Team other = Rehab.team();
        for (Api.Account stranger : List.of(other.specialist(), other.client())) {
            stranger.as().get(days(team)).then().statusCode(404);
            stranger.as().get(days(team) + "/proposals").then().statusCode(404);
            stranger.as().accept("text/csv").get("/api/v1/periods/" + team.periodId() + "/remote-days.csv").then().statusCode(404);
            stranger.as().body(Map.of("date", Dates.today().toString(), "content", List.of("VIDEO_CALL"), "minutes", 30,
                    "outcome", "ATTENDED")).post(days(team)).then().statusCode(404);
        }
        team.client().as().get(days(team) + "/proposals").then().statusCode(403);
        Api.admin().as().get(days(team) + "/proposals").then().statusCode(200);
    }
}
