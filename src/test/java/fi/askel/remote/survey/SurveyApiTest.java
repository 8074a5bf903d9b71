package fi.askel.remote.survey;

import fi.askel.common.Dates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Rehab;
import fi.askel.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The experience survey: when it is asked, answering and changing, "not now", who sees what, and the export. */
@QuarkusTest
class SurveyApiTest {

    @Inject
    TestClock clock;

    static final LocalDate TODAY = Dates.today();

    /** A client with a period from {@code start} to {@code end} days from today, the specialist responsible. */
    static Rehab.Team team(Api.Account specialist, int start, int end) {
        Api.Account client = Api.create("CLIENT");
        long periodId = specialist.as().body(Map.of("clientId", client.id(), "serviceType", "REHAB_COURSE",
                        "startsOn", TODAY.plusDays(start).toString(), "endsOn", TODAY.plusDays(end).toString()))
                .post("/api/v1/periods").then().statusCode(201).extract().jsonPath().getLong("id");
        return new Rehab.Team(specialist, client, periodId);
    }

    static Map<String, Object> answer(int score, String freeText) {
        Map<String, Object> body = new HashMap<>();
        body.put("scores", Map.of("WORKS_FOR_ME", score, "HELPS_REHAB", score, "TRUST_COMPETENCE", 5, "TRUST_SECURITY", 4,
                "GUIDANCE_SUPPORT", score));
        body.put("technical", "SOME");
        body.put("problems", List.of("SOUND", "SIGN_IN"));
        body.put("freeText", freeText);
        return body;
    }

    private static List<String> due(Rehab.Team team) {
        return team.client().as().get("/api/v1/me/surveys").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.periodId == " + team.periodId() + " }.phase");
    }

    @Test
    void the_survey_is_due_at_the_mid_point_and_at_the_end_but_not_before() {
        Api.Account specialist = Api.create("SPECIALIST");
        assertEquals(List.of("MIDPOINT"), due(team(specialist, -10, 10)));
        assertEquals(List.of("END"), due(team(specialist, -30, 3)));
        Rehab.Team early = team(specialist, -2, 60);
        assertEquals(List.of(), due(early));
        early.client().as().body(answer(4, null)).put("/api/v1/me/surveys/" + early.periodId() + "/MIDPOINT").then().statusCode(409);
        // Moving to the mid-point makes it due.
        clock.advance(Duration.ofDays(31));
        assertEquals(List.of("MIDPOINT"), due(early));
    }

    @Test
    void a_client_answers_changes_the_answer_and_not_now_hides_it_for_a_week() {
        Api.Account specialist = Api.create("SPECIALIST");
        // Mid-point today, the end phase opening in ten days: a week of "not now" passes inside the mid-point phase.
        Rehab.Team team = team(specialist, -16, 16);
        String url = "/api/v1/me/surveys/" + team.periodId() + "/MIDPOINT";

        team.client().as().post(url + "/later").then().statusCode(200);
        assertEquals(List.of(), due(team));
        clock.advance(Duration.ofDays(8));
        assertEquals(List.of("MIDPOINT"), due(team));
        clock.reset();

        team.client().as().body(Map.of("scores", Map.of("WORKS_FOR_ME", 9))).put(url).then().statusCode(400);
        team.client().as().body(answer(2, "Ääni katkeili")).put(url).then().statusCode(200);
        assertEquals(List.of(), due(team), "answered: no longer asked");
        team.client().as().body(answer(5, "Nyt toimii")).put(url).then().statusCode(200);
        JsonPath got = team.client().as().get(url).then().statusCode(200).extract().jsonPath();
        assertEquals(5, got.getInt("answer.scores.WORKS_FOR_ME"));
        assertEquals("Nyt toimii", got.getString("answer.freeText"));
        assertEquals(List.of("SOUND", "SIGN_IN"), got.getList("answer.problems"));

        // Their specialist reads it with the free text; an admin without; another specialist not at all.
        team.specialist().as().get("/api/v1/clients/" + team.client().id() + "/surveys").then().statusCode(200)
                .body("[0].freeText", org.hamcrest.Matchers.equalTo("Nyt toimii"));
        assertNull(Api.admin().as().get("/api/v1/clients/" + team.client().id() + "/surveys").then().statusCode(200)
                .extract().jsonPath().getString("[0].freeText"));
        Api.create("SPECIALIST").as().get("/api/v1/clients/" + team.client().id() + "/surveys").then().statusCode(404);
        Rehab.team().client().as().get(url).then().statusCode(404);

        // After the period + 14 days the answer can no longer change.
        clock.advance(Duration.ofDays(31));
        team.client().as().body(answer(1, null)).put(url).then().statusCode(409);
    }

    @Test
    void the_admin_summary_hides_groups_under_five_and_never_shows_free_texts() {
        Api.Account specialist = Api.create("SPECIALIST");
        String marker = Api.unique("Vapaa");
        for (int i = 0; i < 4; i++) {
            Rehab.Team t = team(specialist, -10, 10);
            t.client().as().body(answer(4, marker)).put("/api/v1/me/surveys/" + t.periodId() + "/MIDPOINT").then().statusCode(200);
        }
        String summary = "/api/v1/admin/surveys/summary?specialistId=" + specialist.id();
        JsonPath four = Api.admin().as().get(summary).then().statusCode(200).extract().jsonPath();
        assertEquals(4, four.getInt("groups.find { it.group == 'MIDPOINT' }.answers"));
        assertTrue(four.getBoolean("groups.find { it.group == 'MIDPOINT' }.suppressed"));
        assertEquals(List.of(), four.getList("groups.find { it.group == 'MIDPOINT' }.statements"));
        assertNull(four.getString("chartSvg"));

        Rehab.Team fifth = team(specialist, -10, 10);
        fifth.client().as().body(answer(2, marker)).put("/api/v1/me/surveys/" + fifth.periodId() + "/MIDPOINT").then().statusCode(200);
        String body = Api.admin().as().get(summary).then().statusCode(200).extract().asString();
        JsonPath five = JsonPath.from(body);
        assertFalse(five.getBoolean("groups.find { it.group == 'MIDPOINT' }.suppressed"));
        assertEquals("3.6", five.getString("groups.find { it.group == 'MIDPOINT' }.statements.find { it.statement == 'WORKS_FOR_ME' }.mean"));
        assertTrue(five.getString("chartSvg").contains("<svg"));
        assertFalse(body.contains(marker), "free texts never reach the admin summary");
        assertTrue(five.getBoolean("groups.find { it.group == 'END' }.suppressed"));
    }

    @Test
    void the_export_holds_the_survey_answers_and_the_remote_days() throws IOException {
        Api.Account specialist = Api.create("SPECIALIST");
        Rehab.Team team = team(specialist, -10, 10);
        team.client().as().body(answer(3, "Vientiin mukaan")).put("/api/v1/me/surveys/" + team.periodId() + "/MIDPOINT")
                .then().statusCode(200);
        team.specialist().as().body(Map.of("date", TODAY.minusDays(1).toString(), "content", List.of("VIDEO_CALL"), "minutes", 35,
                "outcome", "ATTENDED")).post("/api/v1/periods/" + team.periodId() + "/remote-days").then().statusCode(201);

        byte[] zip = team.client().as().accept("application/zip").get("/api/v1/me/export").then().statusCode(200)
                .extract().asByteArray();
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName().substring(e.getName().lastIndexOf('/') + 1), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(files.get("experience-survey.json").contains("Vientiin mukaan"), files.keySet().toString());
        assertTrue(files.get("remote-days.json").contains("VIDEO_CALL") || files.get("remote-days.json").contains("video"),
                files.get("remote-days.json"));
        assertTrue(files.get("remote-days.json").contains(TODAY.minusDays(1).toString()), files.get("remote-days.json"));
    }
}
