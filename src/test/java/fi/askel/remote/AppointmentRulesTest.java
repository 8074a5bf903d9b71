package fi.askel.remote;

import static fi.askel.remote.Calls.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a booking must be, over the API: each field checked and named when wrong, and no two calls at once. */
@QuarkusTest
class AppointmentRulesTest {

    private static final String APPOINTMENTS = "/api/v1/appointments";

    @Test
    void invalid_bookings_are_answered_400_naming_the_field_and_create_nothing() {
        Rehab.Team team = Rehab.team();
        long client = team.client().id();
        OffsetDateTime start = Calls.in(Duration.ofDays(2));

        Map<String, Object> noClient = Calls.booking(client, start, 30, "Aihe");
        noClient.remove("clientId");
        expectViolation(team, noClient, "clientId", "Valitse asiakas.");

        Map<String, Object> noStart = Calls.booking(client, start, 30, "Aihe");
        noStart.remove("startsAt");
        expectViolation(team, noStart, "startsAt", "Anna alkamispäivä ja -aika.");

        Map<String, Object> noTopic = Calls.booking(client, start, 30, "Aihe");
        noTopic.remove("topic");
        expectViolation(team, noTopic, "topic", "Kirjoita vastaanoton aihe.");
        expectViolation(team, Calls.booking(client, start, 30, "   "), "topic", "Kirjoita vastaanoton aihe.");
        expectViolation(team, Calls.booking(client, start, 30, "x".repeat(201)), "topic", "enintään 200 merkkiä");

        Map<String, Object> longNote = Calls.booking(client, start, 30, "Aihe");
        longNote.put("note", "n".repeat(2001));
        expectViolation(team, longNote, "note", "enintään 2000 merkkiä");

        expectViolation(team, Calls.booking(client, start, 3, "Aihe"), "durationMinutes", "Keston pitää olla 5–240 minuuttia.");
        expectViolation(team, Calls.booking(client, start, 500, "Aihe"), "durationMinutes", "Keston pitää olla 5–240 minuuttia.");
        Map<String, Object> noDuration = Calls.booking(client, start, 30, "Aihe");
        noDuration.remove("durationMinutes");
        expectViolation(team, noDuration, "durationMinutes", "Keston pitää olla 5–240 minuuttia.");

        expectViolation(team, Calls.booking(client, Calls.in(Duration.ofHours(-1)), 30, "Aihe"), "startsAt",
                "Alkamisaika on jo mennyt.");
        expectViolation(team, Calls.booking(client, Calls.in(Duration.ofDays(401)), 30, "Aihe"), "startsAt",
                "enintään vuoden päähän");

        // A day the client has no period of this specialist's (the period ends in 60 days).
        expectViolation(team, Calls.booking(client, Calls.in(Duration.ofDays(70)), 30, "Aihe"), "startsAt",
                "Asiakkaalla Test " + team.client().username() + " ei ole sinä päivänä kuntoutusjaksoa, josta vastaat.");

        Map<String, Object> unknown = Calls.booking(client, start, 30, "Aihe");
        unknown.put("room", "A1");
        ValidatableResponse r = team.specialist().as().body(unknown).post(APPOINTMENTS).then();
        assertProblem(r, 400, "unknown-field");
        assertEquals(List.of("room"), r.extract().jsonPath().getList("violations.field"));

        // Several at once: each is named.
        Map<String, Object> many = new HashMap<>(Map.of("clientId", client, "durationMinutes", 1));
        ValidatableResponse all = team.specialist().as().body(many).post(APPOINTMENTS).then();
        assertProblem(all, 400, "validation");
        List<String> fields = all.extract().jsonPath().getList("violations.field");
        assertTrue(fields.containsAll(List.of("startsAt", "durationMinutes", "topic")), fields.toString());

        team.specialist().as().queryParam("clientId", client).get(APPOINTMENTS)
                .then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(0));
        team.client().as().get(APPOINTMENTS).then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void overlapping_calls_are_refused_for_the_specialist_and_for_the_client() {
        Rehab.Team team = Rehab.team();
        OffsetDateTime start = Calls.in(Duration.ofDays(5));
        Calls.book(team.specialist(), team.client().id(), start, 60, "Ensimmäinen");

        // The same specialist, another client of theirs, half an hour into the first call.
        Api.Account secondClient = Api.create("CLIENT");
        Rehab.suitablePeriod(team.specialist(), Map.of("clientId", secondClient.id(), "serviceType", "INDIVIDUAL",
                        "startsOn", start.toLocalDate().minusDays(1).toString(), "endsOn", start.toLocalDate().plusDays(1).toString()));
        ValidatableResponse mine = Calls.tryBook(team.specialist(), secondClient.id(), start.plusMinutes(30), 30, "Toinen");
        assertProblem(mine, 409, "appointment-overlap");
        assertEquals("Sinulla on jo videovastaanotto samaan aikaan.", mine.extract().jsonPath().getString("detail"));

        // Another specialist responsible for the same client, overlapping the start.
        Api.Account colleague = Api.create("SPECIALIST");
        team.specialist().as().body(Map.of("userId", colleague.id()))
                .post("/api/v1/periods/" + team.periodId() + "/specialists").then().statusCode(200);
        ValidatableResponse theirs = Calls.tryBook(colleague, team.client().id(), start.minusMinutes(20), 30, "Kolmas");
        assertProblem(theirs, 409, "appointment-overlap");
        assertEquals("Asiakkaalla Test " + team.client().username() + " on jo videovastaanotto samaan aikaan.",
                theirs.extract().jsonPath().getString("detail"));

        // Back to back is fine: one ending as the other starts.
        Calls.book(colleague, team.client().id(), start.plusMinutes(60), 30, "Heti perään");
        Calls.book(colleague, team.client().id(), start.minusMinutes(30), 30, "Juuri ennen");
        assertEquals(3, team.client().as().get(APPOINTMENTS).then().statusCode(200).extract().jsonPath().getList("id").size());
    }

    private static void expectViolation(Rehab.Team team, Map<String, Object> body, String field, String messagePart) {
        ValidatableResponse r = team.specialist().as().body(body).post(APPOINTMENTS).then();
        assertProblem(r, 400, "validation");
        JsonPath json = r.extract().jsonPath();
        assertEquals(List.of(field), json.getList("violations.field"), body + " → " + r.extract().asString());
        assertTrue(json.getString("violations[0].message").contains(messagePart), json.getString("violations[0].message"));
    }
}
