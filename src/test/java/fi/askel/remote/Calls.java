package fi.askel.remote;

import fi.askel.common.Dates;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.askel.common.Problem;
import fi.askel.support.Api;
import fi.askel.support.Rehab;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/** Fixtures for video-call tests: start times, bookings, and reading problem answers. */
public final class Calls {

    static final ZoneId HELSINKI = Dates.ZONE;
    static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Calls() {}

    /** A start time this far from now, in Helsinki time, on a whole minute (never earlier than {@code ahead} minus a minute). */
    public static OffsetDateTime in(Duration ahead) {
        return OffsetDateTime.now(HELSINKI).plus(ahead).truncatedTo(ChronoUnit.MINUTES);
    }

    static Map<String, Object> booking(long clientId, OffsetDateTime start, int minutes, String topic) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", clientId);
        body.put("startsAt", start.toString());
        body.put("durationMinutes", minutes);
        body.put("topic", topic);
        return body;
    }

    static ValidatableResponse tryBook(Api.Account specialist, long clientId, OffsetDateTime start, int minutes, String topic) {
        return specialist.as().body(booking(clientId, start, minutes, topic)).post("/api/v1/appointments").then();
    }

    /** Books a call and answers its id. */
    /** Opens an individual period the client is assessed suitable for (yesterday + 30 days), then books a 30-minute call. */
    public static long bookWithSuitablePeriod(Api.Account specialist, Api.Account client, OffsetDateTime start, String topic) {
        fi.askel.support.Rehab.suitablePeriod(specialist, Map.of("clientId", client.id(), "serviceType", "INDIVIDUAL",
                "startsOn", Dates.today().minusDays(1).toString(),
                "endsOn", Dates.today().plusDays(30).toString()));
        return book(specialist, client.id(), start, 30, topic);
    }

    public static long book(Api.Account specialist, long clientId, OffsetDateTime start, int minutes, String topic) {
        return tryBook(specialist, clientId, start, minutes, topic).statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A call of the team's in eleven minutes, 30 minutes long, that the two may already join. */
    static long soon(Rehab.Team team) {
        return book(team.specialist(), team.client().id(), in(Duration.ofMinutes(11)), 30, "Videovastaanotto");
    }

    static long book(Api.Account specialist, long clientId, OffsetDateTime start) {
        return book(specialist, clientId, start, 30, "Kuntoutuskeskustelu");
    }

    public static void cancel(Api.Account specialist, long id, String reason) {
        specialist.as().body(Map.of("reason", reason)).post("/api/v1/appointments/" + id + "/cancel").then().statusCode(200);
    }

    /** The problem's type is {@code https://askel.fi/problems/<type>}. */
    static void assertProblem(ValidatableResponse response, int status, String type) {
        response.statusCode(status).contentType(Problem.MEDIA_TYPE);
        assertEquals(Problem.TYPE_BASE + type, response.extract().jsonPath().getString("type"));
    }
}
