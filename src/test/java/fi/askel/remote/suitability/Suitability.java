package fi.askel.remote.suitability;

import fi.askel.common.Dates;
import fi.askel.support.Api;
import fi.askel.support.Rehab;
import io.restassured.response.ValidatableResponse;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/** Fixtures for suitability tests: a period not yet assessed, assessing, and the two kinds of remote work. */
final class Suitability {

    static final String PROBLEMS = "https://askel.fi/problems/";

    private Suitability() {}

    /** A specialist and a client (who has consented in the app) with a current period, not yet assessed. */
    static Rehab.Team unassessed() {
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account client = Api.create("CLIENT");
        long periodId = specialist.as().body(Map.of("clientId", client.id(), "serviceType", "REHAB_COURSE",
                        "startsOn", Dates.today().minusDays(3).toString(), "endsOn", Dates.today().plusDays(60).toString()))
                .post("/api/v1/periods").then().statusCode(201).extract().jsonPath().getLong("id");
        return new Rehab.Team(specialist, client, periodId);
    }

    /** The suitable assessment of {@link Rehab#suitable()} with the given answers changed. */
    static Map<String, Object> with(Object... keysAndValues) {
        Map<String, Object> body = new HashMap<>(Rehab.suitable());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    static ValidatableResponse assess(Rehab.Team team, Map<String, Object> body) {
        return team.specialist().as().body(body).post("/api/v1/periods/" + team.periodId() + "/suitability").then();
    }

    static ValidatableResponse read(Api.Account who, Rehab.Team team) {
        return who.as().get("/api/v1/periods/" + team.periodId() + "/suitability").then();
    }

    static ValidatableResponse assign(Rehab.Team team) {
        return team.specialist().as().body(Map.of("clientId", team.client().id(), "moduleSlug", "sleep-and-recovery"))
                .post("/api/v1/assignments").then();
    }

    static ValidatableResponse book(Rehab.Team team) {
        String startsAt = OffsetDateTime.now(Dates.ZONE).plusDays(2).truncatedTo(ChronoUnit.HOURS).toString();
        return team.specialist().as().body(Map.of("clientId", team.client().id(), "startsAt", startsAt,
                "durationMinutes", 45, "topic", "Alkutapaaminen")).post("/api/v1/appointments").then();
    }

    static int assignmentCount(Rehab.Team team) {
        return team.specialist().as().get("/api/v1/assignments?clientId=" + team.client().id()).then().statusCode(200)
                .extract().jsonPath().getList("id").size();
    }

    static int appointmentCount(Rehab.Team team) {
        return team.specialist().as().get("/api/v1/appointments?clientId=" + team.client().id()).then().statusCode(200)
                .extract().jsonPath().getList("id").size();
    }
}
