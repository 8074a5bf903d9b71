package fi.askel.remote.days;

import fi.askel.common.Dates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The days page without JavaScript: record a day, a refused form keeps what was typed, correct it; the client's own page. */
@QuarkusTest
class DaysPagesTest {

    @Test
    void a_specialist_records_and_corrects_a_day_through_the_page_and_the_client_sees_it() {
        Rehab.Team team = Rehab.team();
        String page = "/clients/" + team.client().id() + "/periods/" + team.periodId() + "/days";
        String date = Dates.today().minusDays(3).toString();
        Browser specialist = new Browser().signIn(team.specialist().username(), Api.PASSWORD);
        assertEquals(200, specialist.get(page).statusCode());

        Response refused = specialist.post(page, Map.of("date", date, "minutes", "45", "note", "Kotikäynti etänä"));
        assertEquals(400, refused.statusCode());
        String html = refused.asString();
        assertTrue(html.contains("Valitse ainakin yksi sisältö.") && html.contains("aria-describedby=\"err-content\""), html);
        assertTrue(html.contains("Kotikäynti etänä"), "what was typed stays");

        assertEquals(303, specialist.post(page, Map.of("date", date, "content", "VIDEO_CALL", "minutes", "45",
                "outcome", "ATTENDED")).statusCode());
        assertEquals(303, specialist.post(page, Map.of("date", date, "content", "ONLINE_EXERCISES", "minutes", "20",
                "outcome", "ATTENDED", "note", "Korjattu")).statusCode());
        var days = team.specialist().as().get("/api/v1/periods/" + team.periodId() + "/remote-days").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("ONLINE_EXERCISES"), days.getList("days.find { it.date == '" + date + "' }.content"));
        assertEquals("Korjattu", days.getString("days.find { it.date == '" + date + "' }.note"));

        String own = new Browser().signIn(team.client().username(), Api.PASSWORD).get("/remote-days").then().statusCode(200)
                .extract().asString();
        assertTrue(own.contains("Verkkoharjoitukset") && own.contains("Korjattu"), own);
        assertFalse(own.contains("action=\"/clients/"), "the client's page has no forms to change days");

        Rehab.Team other = Rehab.team();
        assertEquals(404, new Browser().signIn(other.specialist().username(), Api.PASSWORD).get(page).statusCode());
    }
}
