package fi.askel.remote.survey;

import fi.askel.common.Dates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin's filters on the survey results (days answered, service type, course group, specialist): each
 * narrows the answers, and a group under five answers after filtering is hidden even when the unfiltered one is not.
 */
@QuarkusTest
class SurveyFiltersTest {

    static final LocalDate TODAY = Dates.today();

    /** A client who answers the mid-point survey of a period (−10…+10 days) of the given type and course group. */
    private static void answered(Api.Account specialist, String serviceType, Long groupId) {
        Api.Account client = Api.create("CLIENT");
        Map<String, Object> period = new HashMap<>(Map.of("clientId", client.id(), "serviceType", serviceType,
                "startsOn", TODAY.minusDays(10).toString(), "endsOn", TODAY.plusDays(10).toString()));
        if (groupId != null) {
            period.put("peerGroupId", groupId);
        }
        long periodId = specialist.as().body(period).post("/api/v1/periods").then().statusCode(201).extract().jsonPath().getLong("id");
        client.as().body(SurveyApiTest.answer(4, "Ei näy ylläpitäjälle")).put("/api/v1/me/surveys/" + periodId + "/MIDPOINT")
                .then().statusCode(200);
    }

    private static JsonPath summary(String query) {
        return Api.admin().as().get("/api/v1/admin/surveys/summary?" + query).then().statusCode(200).extract().jsonPath();
    }

    private static int answers(JsonPath summary) {
        return summary.getInt("groups.find { it.group == 'ALL' }.answers");
    }

    private static boolean suppressed(JsonPath summary) {
        return summary.getBoolean("groups.find { it.group == 'ALL' }.suppressed");
    }

    @Test
    void filters_narrow_the_answers_and_small_groups_stay_hidden_after_filtering() {
        Api.Account specialist = Api.create("SPECIALIST");
        long groupId = specialist.as().body(Map.of("name", Api.unique("Kurssi"), "description", "Kurssiryhmä"))
                .post("/api/v1/groups").then().statusCode(201).extract().jsonPath().getLong("id");
        for (int i = 0; i < 5; i++) {
            answered(specialist, "REHAB_COURSE", groupId);
        }
        answered(specialist, "TULES_COURSE", null);
        answered(specialist, "TULES_COURSE", null);
        String mine = "specialistId=" + specialist.id();

        JsonPath all = summary(mine);
        assertEquals(7, answers(all));
        assertFalse(suppressed(all));
        JsonPath course = summary(mine + "&peerGroupId=" + groupId);
        assertEquals(5, answers(course));
        assertFalse(suppressed(course));
        assertEquals("4.0", course.getString("groups.find { it.group == 'ALL' }.statements.find { it.statement == 'WORKS_FOR_ME' }.mean"));
        // Two TULES answers out of seven: counted, never shown.
        JsonPath tules = summary(mine + "&serviceType=TULES_COURSE");
        assertEquals(2, answers(tules));
        assertTrue(suppressed(tules));
        assertEquals(0, tules.getList("groups.find { it.group == 'ALL' }.statements").size());
        // Days answered, inclusive.
        assertEquals(7, answers(summary(mine + "&from=" + TODAY + "&to=" + TODAY)));
        assertEquals(0, answers(summary(mine + "&to=" + TODAY.minusDays(1))));
        assertEquals(0, answers(summary(mine + "&from=" + TODAY.plusDays(1))));

        var bad = Api.admin().as().get("/api/v1/admin/surveys/summary?from=1.12.2026").then().statusCode(400);
        bad.body("violations[0].field", org.hamcrest.Matchers.equalTo("from"));
        Api.admin().as().get("/api/v1/admin/surveys/summary?from=" + TODAY + "&to=" + TODAY.minusDays(3)).then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("to"));
        Api.admin().as().get("/api/v1/admin/surveys/summary?serviceType=KUNTOUTUS").then().statusCode(400);
        specialist.as().get("/api/v1/admin/surveys/summary").then().statusCode(403);

        // The page: the same filters as fields, kept after showing; a wrong day is named and nothing is shown.
        Browser admin = new Browser().signIn(Api.create("ADMIN").username(), Api.PASSWORD);
        String page = admin.get("/admin/surveys?" + mine + "&serviceType=TULES_COURSE").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<option value=\"TULES_COURSE\" selected>"), "the chosen filter stays");
        assertTrue(page.contains("Liian vähän vastauksia näytettäväksi."), page);
        assertFalse(page.contains("Ei näy ylläpitäjälle"));
        String grouped = admin.get("/admin/surveys?" + mine + "&peerGroupId=" + groupId).then().statusCode(200).extract().asString();
        assertTrue(grouped.contains("<svg") && grouped.contains("<option value=\"" + groupId + "\" selected>"), grouped);
        String wrong = admin.get("/admin/surveys?to=eilen").then().statusCode(400).extract().asString();
        assertTrue(wrong.contains("id=\"f-to-error\">Anna päivä muodossa VVVV-KK-PP.") && !wrong.contains("<table"), wrong);
    }
}
