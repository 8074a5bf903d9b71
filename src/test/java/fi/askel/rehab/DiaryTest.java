package fi.askel.rehab;

import fi.askel.common.Dates;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Diaries: the client writes, corrects and removes entries (API and page), a wrong value is refused naming its field
 * and changes nothing, a retried save leaves one entry, and nobody else can touch them; the specialist sees them.
 */
@QuarkusTest
class DiaryTest {

    private static final LocalDate TODAY = Dates.today();

    private static String entries(long id, String step) {
        return "/api/v1/assignments/" + id + "/steps/" + step + "/entries/";
    }

    private static Map<String, Object> night(LocalDate day, Object... changes) {
        Map<String, Object> entry = new HashMap<>(Rehab.diaryEntry("sleep", day));
        for (int i = 0; i < changes.length; i += 2) {
            entry.put((String) changes[i], changes[i + 1]);
        }
        return entry;
    }

    private static List<Map<String, Object>> logs(Api.Account client, long id, String step) {
        return client.as().get("/api/v1/assignments/" + id).then().statusCode(200).extract().jsonPath()
                .getList("steps.find { it.key == '" + step + "' }.answer.logs");
    }

    @Test
    void nights_are_added_corrected_and_removed_and_a_retry_leaves_one_entry() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "sleep-and-recovery");
        String night1 = TODAY.minusDays(2).toString();
        String night2 = TODAY.minusDays(1).toString();
        team.client().as().body(night(TODAY.minusDays(2))).put(entries(id, "sleep-diary") + night1).then().statusCode(200)
                .body("changed", equalTo(true));
        // The same entry again (a retry): nothing changes.
        team.client().as().body(night(TODAY.minusDays(2))).put(entries(id, "sleep-diary") + night1).then().statusCode(200)
                .body("changed", equalTo(false));
        team.client().as().body(night(TODAY.minusDays(1), "bedtime", "23.15", "rested", 5))
                .put(entries(id, "sleep-diary") + night2).then().statusCode(200);
        assertEquals(2, logs(team.client(), id, "sleep-diary").size());
        // A correction: the same night with another value replaces it; a time typed 23.15 is kept as 23:15.
        team.client().as().body(night(TODAY.minusDays(2), "minutesToSleep", 45)).put(entries(id, "sleep-diary") + night1)
                .then().statusCode(200);
        List<Map<String, Object>> logs = logs(team.client(), id, "sleep-diary");
        assertEquals(2, logs.size());
        assertEquals(45, logs.get(0).get("minutesToSleep"));
        assertEquals("23:15", logs.get(1).get("bedtime"));
        team.client().as().delete(entries(id, "sleep-diary") + night1).then().statusCode(200);
        team.client().as().delete(entries(id, "sleep-diary") + night1).then().statusCode(404);
        assertEquals(List.of(night2), logs(team.client(), id, "sleep-diary").stream().map(l -> l.get("date")).toList());
    }

    @Test
    void wrong_values_are_refused_naming_the_field_and_change_nothing() {
        Rehab.Team team = Rehab.team();
        long sleep = Rehab.assign(team, "sleep-and-recovery");
        long diabetes = Rehab.assign(team, "type-2-diabetes");
        String day = TODAY.minusDays(1).toString();
        team.client().as().body(night(TODAY.minusDays(1))).put(entries(sleep, "sleep-diary") + day).then().statusCode(200);
        refused(team.client(), entries(sleep, "sleep-diary") + day, night(TODAY.minusDays(1), "bedtime", "25:00"), "bedtime");
        refused(team.client(), entries(sleep, "sleep-diary") + day, night(TODAY.minusDays(1), "rested", 6), "rested");
        refused(team.client(), entries(sleep, "sleep-diary") + day, night(TODAY.plusDays(1)), "date");
        assertEquals("22:30", logs(team.client(), sleep, "sleep-diary").get(0).get("bedtime"));
        assertEquals(1, logs(team.client(), sleep, "sleep-diary").size());

        Map<String, Object> reading = new HashMap<>(Rehab.diaryEntry("glucose", TODAY));
        reading.put("mmol", 40.0);
        refused(team.client(), entries(diabetes, "glucose-log") + TODAY + "T07:30", reading, "mmol")
                .body("violations.message", hasItem(containsString("1,0–35,0")));
        reading.put("mmol", "6,4");
        reading.put("situation", "lunch");
        refused(team.client(), entries(diabetes, "glucose-log") + TODAY + "T07:30", reading, "situation");
        reading.put("situation", "after-meal");
        team.client().as().body(reading).put(entries(diabetes, "glucose-log") + TODAY + "T07:30").then().statusCode(200)
                .body("answer.logs[0].mmol", equalTo(6.4f));
    }

    private static io.restassured.response.ValidatableResponse refused(Api.Account client, String path, Map<String, Object> entry,
            String field) {
        return client.as().header("Accept-Language", "fi").body(entry).put(path).then().statusCode(400)
                .body("violations.field", hasItem(org.hamcrest.Matchers.endsWith("." + field)));
    }

    @Test
    void another_client_and_another_specialist_find_nothing() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "sleep-and-recovery");
        String day = TODAY.toString();
        team.client().as().body(night(TODAY)).put(entries(id, "sleep-diary") + day).then().statusCode(200);
        Rehab.Team others = Rehab.team();
        others.client().as().body(night(TODAY, "rested", 1)).put(entries(id, "sleep-diary") + day).then().statusCode(404);
        others.client().as().delete(entries(id, "sleep-diary") + day).then().statusCode(404);
        team.specialist().as().body(night(TODAY)).put(entries(id, "sleep-diary") + day).then().statusCode(403);
        others.specialist().as().get("/api/v1/clients/" + team.client().id() + "/diaries").then().statusCode(404);
        // A step that is no diary has no entries.
        team.client().as().body(night(TODAY)).put(entries(id, "my-sleep-now") + day).then().statusCode(404);
        assertEquals(3, logs(team.client(), id, "sleep-diary").get(0).get("rested"));
        team.specialist().as().get("/api/v1/clients/" + team.client().id() + "/diaries").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].log", equalTo("sleep")).body("[0].entry.rested", equalTo(3));
    }

    @Test
    void the_page_adds_a_night_a_second_send_replaces_it_and_a_refused_entry_stays_in_the_fields() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "sleep-and-recovery");
        Browser browser = new Browser().signIn(team.client().username(), Api.PASSWORD);
        String path = "/assignments/" + id + "/steps/sleep-diary";
        browser.get(path).then().statusCode(200).body(containsString("Et ole vielä kirjannut mitään."));
        String yesterday = TODAY.minusDays(1).toString();
        Map<String, String> form = Map.of("action", "add-log", "log.date", yesterday, "log.bedtime", "22:45",
                "log.minutesToSleep", "30", "log.wakings", "2", "log.riseTime", "06:30", "log.rested", "2");
        browser.post(path, form).then().statusCode(303);
        browser.post(path, form).then().statusCode(303);
        assertEquals(1, logs(team.client(), id, "sleep-diary").size());
        String shown = browser.get(path).then().statusCode(200).body(containsString("22.45")).extract().asString();
        // Correcting: the edit link fills the fields, saving replaces the entry.
        browser.get(path + "?edit=0").then().statusCode(200).body(containsString("Korjaa merkintää"))
                .body(containsString("value=\"22:45\""));
        browser.post(path, Map.of("action", "add-log", "edit-log", yesterday + "|", "log.date", yesterday, "log.bedtime", "23:00",
                "log.minutesToSleep", "30", "log.wakings", "2", "log.riseTime", "06:30", "log.rested", "4")).then().statusCode(303);
        assertEquals(4, logs(team.client(), id, "sleep-diary").get(0).get("rested"));
        browser.post(path, Map.of("action", "add-log", "log.date", TODAY.toString(), "log.bedtime", "klo 23",
                "log.minutesToSleep", "10", "log.wakings", "0", "log.riseTime", "07:00", "log.rested", "3")).then().statusCode(400)
                .body(containsString("Kirjoita kellonaika muodossa 22.30."))
                .body(containsString("value=\"klo 23\""));
        assertEquals(1, logs(team.client(), id, "sleep-diary").size());
        browser.post(path, Map.of("remove-log", yesterday + "|")).then().statusCode(303);
        assertEquals(0, logs(team.client(), id, "sleep-diary").size());
        assertEquals(false, shown.contains(yesterday + "</th>"), "dates are shown as people write them");
    }

    @Test
    void the_specialist_sees_the_diaries_as_charts_with_tables_on_the_client_page() {
        Rehab.Team team = Rehab.team();
        long sleep = Rehab.assign(team, "sleep-and-recovery");
        long goals = Rehab.assign(team, "setting-goals");
        for (int i = 3; i >= 1; i--) {
            LocalDate day = TODAY.minusDays(i);
            team.client().as().body(night(day, "minutesToSleep", 10 * i)).put(entries(sleep, "sleep-diary") + day).then().statusCode(200);
        }
        team.client().as().body(Rehab.diaryEntry("weekly-check-in", TODAY)).put(entries(goals, "weekly-check-in") + TODAY)
                .then().statusCode(200);
        Browser browser = new Browser().signIn(team.specialist().username(), Api.PASSWORD);
        browser.get("/clients/" + team.client().id()).then().statusCode(200)
                .body(containsString("Unipäiväkirja: nukahtamiseen kulunut aika"))
                .body(containsString("id=\"chart-sleep-title\""))
                .body(containsString("id=\"chart-sleep-rested-title\""))
                .body(containsString("id=\"chart-weekly-title\""))
                .body(containsString("Iltakävelyt"))
                .body(not(containsString("id=\"chart-glucose-title\"")));
    }

    @Test
    void the_specialist_sees_the_glucose_readings_as_a_chart_with_its_table() {
        Rehab.Team team = Rehab.team();
        long diabetes = Rehab.assign(team, "type-2-diabetes");
        Map<String, Object> fasting = new HashMap<>(Rehab.diaryEntry("glucose", TODAY.minusDays(1)));
        fasting.put("mmol", 6.8);
        team.client().as().body(fasting).put(entries(diabetes, "glucose-log") + TODAY.minusDays(1) + "T07:30").then().statusCode(200);
        Map<String, Object> afterMeal = new HashMap<>(Rehab.diaryEntry("glucose", TODAY));
        afterMeal.putAll(Map.of("time", "13:15", "mmol", 9.4, "situation", "after-meal"));
        team.client().as().body(afterMeal).put(entries(diabetes, "glucose-log") + TODAY + "T13:15").then().statusCode(200);
        String page = new Browser().signIn(team.specialist().username(), Api.PASSWORD).get("/clients/" + team.client().id())
                .then().statusCode(200)
                .body(containsString("id=\"chart-glucose-title\""))
                .body(containsString(">Verensokeri<"))
                .extract().asString();
        // both readings drawn and in the table beside the chart, in the Finnish way of writing decimals
        String chart = page.substring(page.indexOf("id=\"chart-glucose-title\""));
        chart = chart.substring(0, chart.indexOf("</svg>"));
        org.junit.jupiter.api.Assertions.assertTrue(chart.contains("<polyline"), "the readings are drawn as a line: " + chart);
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("6,8") && page.contains("9,4"), "the readings in the table");
    }
}
