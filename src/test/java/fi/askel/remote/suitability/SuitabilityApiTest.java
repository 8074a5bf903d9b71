package fi.askel.remote.suitability;

import fi.askel.common.Dates;
import static fi.askel.remote.suitability.Suitability.PROBLEMS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.askel.support.Api;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SuitabilityApiTest {

    @Test
    void a_period_without_assessment_refuses_assignments_and_bookings_and_nothing_is_created() {
        Rehab.Team team = Suitability.unassessed();
        Suitability.assign(team).statusCode(409)
                .body("type", equalTo(PROBLEMS + "remote-not-assessed"))
                .body("detail", containsString("soveltuvuutta ei ole vielä arvioitu"));
        Suitability.book(team).statusCode(409).body("type", equalTo(PROBLEMS + "remote-not-assessed"));
        assertEquals(0, Suitability.assignmentCount(team));
        assertEquals(0, Suitability.appointmentCount(team));
        Suitability.read(team.specialist(), team).statusCode(200)
                .body("latest", nullValue()).body("history", hasSize(0))
                .body("remoteWorkAllowed", equalTo(false)).body("refusal", equalTo("remote-not-assessed"));
    }

    @Test
    void the_refusal_is_told_in_the_specialists_language() {
        Api.Account specialist = Api.create("SPECIALIST", "sv");
        Api.Account client = Api.create("CLIENT");
        long periodId = specialist.as().body(Map.of("clientId", client.id(), "serviceType", "INDIVIDUAL",
                        "startsOn", Dates.today().toString(), "endsOn", Dates.today().plusDays(30).toString()))
                .post("/api/v1/periods").then().statusCode(201).extract().jsonPath().getLong("id");
        Suitability.assign(new Rehab.Team(specialist, client, periodId)).statusCode(409)
                .body("detail", containsString("Man har ännu inte bedömt om distansrehabilitering passar klienten"));
    }

    @Test
    void not_suitable_refuses_remote_work() {
        Rehab.Team team = Suitability.unassessed();
        Suitability.assess(team, Suitability.with("decision", "NOT_SUITABLE", "clientConsented", false,
                "reasons", "Ei laitetta kotona, asiakas toivoo tapaamisia paikan päällä.")).statusCode(201)
                .body("latest.decision", equalTo("NOT_SUITABLE")).body("refusal", equalTo("remote-not-suitable"));
        Suitability.assign(team).statusCode(409).body("type", equalTo(PROBLEMS + "remote-not-suitable"));
        Suitability.book(team).statusCode(409).body("type", equalTo(PROBLEMS + "remote-not-suitable"));
        assertEquals(0, Suitability.assignmentCount(team));
        assertEquals(0, Suitability.appointmentCount(team));
    }

    @Test
    void hands_on_guidance_needed_cannot_be_decided_suitable() {
        Rehab.Team team = Suitability.unassessed();
        Suitability.assess(team, Suitability.with("handsOnNeeded", true)).statusCode(400)
                .body("violations.field", equalTo(List.of("decision")))
                .body("violations[0].message", containsString("Valviran ohje"));
        Suitability.read(team.specialist(), team).body("history", hasSize(0));
        // With support it can be, when the support measures say how the in-person part is arranged.
        Suitability.assess(team, Suitability.with("handsOnNeeded", true, "decision", "SUITABLE_WITH_SUPPORT",
                "reasons", "Liikkeiden ohjaus alussa paikan päällä.", "supportMeasures", "Kaksi lähikäyntiä jakson alussa."))
                .statusCode(201).body("latest.handsOnNeeded", equalTo(true));
    }

    @Test
    void each_missing_or_wrong_answer_is_named_and_nothing_is_recorded() {
        Rehab.Team team = Suitability.unassessed();
        Suitability.assess(team, Suitability.with("decision", "SUITABLE_WITH_SUPPORT", "reasons", "Tarvitsee apua alussa."))
                .statusCode(400).body("violations.field", equalTo(List.of("supportMeasures")));
        Suitability.assess(team, Suitability.with("decision", "NOT_SUITABLE")).statusCode(400)
                .body("violations.field", equalTo(List.of("reasons")));
        Suitability.assess(team, Suitability.with("interpreterNeeded", true)).statusCode(400)
                .body("violations.field", equalTo(List.of("interpreterLanguage")));
        Suitability.assess(team, Suitability.with("clientConsented", false)).statusCode(400)
                .body("violations.field", equalTo(List.of("clientConsented")));
        Suitability.assess(team, Suitability.with("testCall", "MAYBE", "privateSpace", null, "handsOnNeeded", null))
                .statusCode(400).body("violations.field", equalTo(List.of("testCall", "privateSpace", "handsOnNeeded")))
                .body("violations[0].message", containsString("YES, NO, NOT_YET"));
        Suitability.read(team.specialist(), team).body("history", hasSize(0));
        Suitability.assign(team).statusCode(409);
    }

    @Test
    void after_a_suitable_assessment_and_the_clients_consent_work_can_be_assigned_and_calls_booked() {
        Rehab.Team team = Suitability.unassessed();
        Suitability.assess(team, Suitability.with("interpreterNeeded", true, "interpreterLanguage", "viittomakieli",
                "testCallNote", "Kuva ja ääni toimivat tabletilla.")).statusCode(201)
                .body("latest.decision", equalTo("SUITABLE"))
                .body("latest.interpreterLanguage", equalTo("viittomakieli"))
                .body("latest.specialistName", equalTo("Test " + team.specialist().username()))
                .body("latest.consentNoticeVersion", notNullValue())
                .body("consentGiven", equalTo(true)).body("remoteWorkAllowed", equalTo(true));
        Suitability.assign(team).statusCode(201);
        Suitability.book(team).statusCode(201);
        assertEquals(1, Suitability.assignmentCount(team));
        assertEquals(1, Suitability.appointmentCount(team));
    }

    @Test
    void reassessing_as_not_suitable_refuses_again_and_the_history_keeps_both() {
        Rehab.Team team = Rehab.team();
        Suitability.assign(team).statusCode(201);
        Suitability.assess(team, Suitability.with("decision", "NOT_SUITABLE", "testCall", "NO",
                "reasons", "Yhteys katkeilee jatkuvasti.")).statusCode(201);
        Suitability.assign(team).statusCode(409).body("type", equalTo(PROBLEMS + "remote-not-suitable"));
        Suitability.book(team).statusCode(409).body("type", equalTo(PROBLEMS + "remote-not-suitable"));
        assertEquals(1, Suitability.assignmentCount(team));
        Suitability.read(team.client(), team).statusCode(200)
                .body("latest.decision", equalTo("NOT_SUITABLE"))
                .body("latest.reasons", equalTo("Yhteys katkeilee jatkuvasti."))
                .body("history.decision", equalTo(List.of("NOT_SUITABLE", "SUITABLE")));
        // Reassessed as suitable again, the work goes on.
        Suitability.assess(team, Rehab.suitable()).statusCode(201).body("history", hasSize(3));
        Suitability.assign(team).statusCode(201);
    }

    @Test
    void a_withdrawn_consent_refuses_remote_work_until_given_again() {
        Rehab.Team team = Rehab.team();
        team.client().as().body(Map.of("given", false)).put("/api/v1/me/consents/remote-rehab").then().statusCode(200);
        Suitability.assign(team).statusCode(409).body("type", equalTo(PROBLEMS + "remote-consent-missing"))
                .body("detail", containsString("suostumus"));
        Suitability.book(team).statusCode(409).body("type", equalTo(PROBLEMS + "remote-consent-missing"));
        Suitability.read(team.specialist(), team).body("consentGiven", equalTo(false))
                .body("refusal", equalTo("remote-consent-missing")).body("latest.decision", equalTo("SUITABLE"));
        assertEquals(0, Suitability.assignmentCount(team));

        team.client().as().body(Map.of("given", true)).put("/api/v1/me/consents/remote-rehab").then().statusCode(200);
        Suitability.assign(team).statusCode(201);
    }

    @Test
    void other_clients_and_unrelated_specialists_are_answered_as_if_the_period_did_not_exist() {
        Rehab.Team team = Rehab.team();
        Rehab.Team other = Rehab.team();
        Suitability.read(other.client(), team).statusCode(404);
        Suitability.read(other.specialist(), team).statusCode(404);
        other.specialist().as().body(Rehab.suitable()).post("/api/v1/periods/" + team.periodId() + "/suitability")
                .then().statusCode(404);
        team.specialist().as().get("/api/v1/periods/999999999/suitability").then().statusCode(404);
        // The client reads but does not assess; an admin reads.
        team.client().as().body(Rehab.suitable()).post("/api/v1/periods/" + team.periodId() + "/suitability")
                .then().statusCode(403);
        Suitability.read(Api.admin(), team).statusCode(200).body("history", hasSize(1));
        Suitability.read(other.specialist(), team).statusCode(404);
        Suitability.read(team.specialist(), other).statusCode(404);
        Suitability.read(Api.create("CLIENT"), team).statusCode(404);
        Suitability.read(team.client(), team).statusCode(200).body("history", hasSize(1));
        io.restassured.RestAssured.given().get("/api/v1/periods/" + team.periodId() + "/suitability").then().statusCode(401);
    }

    @Test
    void staff_reads_and_assessments_are_in_the_clients_access_log() {
        Rehab.Team team = Rehab.team();
        Suitability.read(team.specialist(), team).statusCode(200);
        team.client().as().get("/api/v1/me/access-log?size=50").then().statusCode(200)
                .body("items.kind", hasItem("SUITABILITY_READ"))
                .body("items.kind", hasItem("SUITABILITY_CHANGED"));
    }
}
