package fi.askel.rehab.measures;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.common.Dates;
import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A course's start and end measures. Every test sets them for ADAPTATION_COURSE, which no other test class opens
 * periods of, so the measures reach no one else's clients.
 */
@QuarkusTest
class CourseMeasuresTest {

    private static final String COURSE = "ADAPTATION_COURSE";
    private static final String API = "/api/v1/admin/course-measures";

    private static void setWho5() {
        Api.admin().as().body(Map.of("startModules", List.of("wellbeing-who5"), "endModules", List.of("wellbeing-who5")))
                .put(API + "/" + COURSE).then().statusCode(200)
                .body("start.slug", contains("wellbeing-who5")).body("changedBy", equalTo("Administrator"));
    }

    @Test
    void only_an_admin_sets_measures_and_only_modules_with_a_questionnaire() {
        setWho5();
        String before = Api.admin().as().get(API).then().statusCode(200).extract().asString();
        Api.Account specialist = Api.create("SPECIALIST");
        specialist.as().body(Map.of("startModules", List.of(), "endModules", List.of())).put(API + "/" + COURSE)
                .then().statusCode(403);
        specialist.as().get(API).then().statusCode(403);
        Api.admin().as().body(Map.of("startModules", List.of("wellbeing-who5"), "endModules", List.of("getting-ready")))
                .put(API + "/" + COURSE).then().statusCode(400)
                .body("violations.field", contains("endModules"))
                .body("violations[0].message", containsString("getting-ready"));
        Api.admin().as().body(Map.of("startModules", List.of("no-such-module"), "endModules", List.of()))
                .put(API + "/" + COURSE).then().statusCode(400).body("violations.field", contains("startModules"));
        Api.admin().as().body(Map.of("startModules", List.of()))
                .put(API + "/" + COURSE).then().statusCode(400).body("violations.field", contains("endModules"));
        Api.admin().as().body(Map.of("startModules", List.of(), "endModules", List.of()))
                .put(API + "/NO_SUCH_COURSE").then().statusCode(400).body("violations.field", contains("serviceType"));
        assertEquals(before, Api.admin().as().get(API).then().statusCode(200).extract().asString(), "nothing changed");

        // The admin's page shows who set them, and a refused form names what was wrong.
        Browser admin = Browser.newAdmin();
        String page = admin.get("/admin/course-measures").then().statusCode(200)
                .body(containsString("id=\"f-" + COURSE + "-start-wellbeing-who5\" name=\"start\" value=\"wellbeing-who5\" checked"))
                .body(containsString("Administrator")).extract().asString();
        String main = page.substring(page.indexOf("<h1>"));
        assertTrue(main.contains("<h2 id=\"course-" + COURSE + "-heading\">") && !main.contains("<h3"), "headings in order");
        admin.post("/admin/course-measures/" + COURSE, Map.of("start", "wellbeing-who5", "end", "getting-ready"))
                .then().statusCode(400)
                .body(containsString("id=\"err-" + COURSE + "-end\""))
                .body(containsString("Moduulissa getting-ready ei ole kyselyä"));
        admin.post("/admin/course-measures/" + COURSE, Map.of("start", "wellbeing-who5", "end", "wellbeing-who5"))
                .then().statusCode(303);
    }

    @Test
    void opening_a_period_assigns_the_start_measure_and_the_end_one_opens_in_the_last_week() {
        setWho5();
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account client = Api.create("CLIENT");
        LocalDate starts = Dates.today().minusDays(2);
        LocalDate ends = Dates.today().plusDays(40);
        long periodId = specialist.as().body(Map.of("clientId", client.id(), "serviceType", COURSE, "startsOn", starts.toString(),
                "endsOn", ends.toString())).post("/api/v1/periods").then().statusCode(201).extract().jsonPath().getLong("id");
        // Remote work waits for the suitability assessment: nothing is assigned before it.
        client.as().get("/api/v1/assignments").then().statusCode(200).body("id", empty());
        Rehab.assessSuitable(specialist, periodId);
        var list = client.as().get("/api/v1/assignments").then().statusCode(200)
                .body("moduleSlug", contains("wellbeing-who5", "wellbeing-who5")).extract().jsonPath();
        List<Map<String, Object>> all = list.getList("$");
        Map<String, Object> start = all.stream().filter(a -> a.get("opensOn") == null).findFirst().orElseThrow();
        Map<String, Object> end = all.stream().filter(a -> a.get("opensOn") != null).findFirst().orElseThrow();
        assertEquals(starts.plusDays(6).toString(), start.get("dueOn"), "due by the end of the first week");
        assertEquals(ends.minusDays(6).toString(), end.get("opensOn"), "opens in the last week");
        assertEquals(ends.toString(), end.get("dueOn"));
        // The specialist sees them as ordinary assignments; the client cannot answer the end one yet.
        specialist.as().get("/api/v1/assignments?clientId=" + client.id()).then().statusCode(200)
                .body("id", hasItem(((Number) start.get("id")).intValue()));
        answerWho5(client, ((Number) start.get("id")).longValue(), 3).statusCode(200);
        answerWho5(client, ((Number) end.get("id")).longValue(), 3).statusCode(409)
                .body("type", containsString("not-open-yet"));
        // The client's pages say when it opens, and its steps take no answers until then.
        Browser own = new Browser().signIn(client.username(), Api.PASSWORD);
        own.get("/").then().statusCode(200).body(containsString("Tämä harjoitus avautuu"));
        own.get("/assignments/" + end.get("id") + "/steps/who-5").then().statusCode(200)
                .body(containsString("Tämä harjoitus avautuu"))
                .body(not(containsString("name=\"action\" value=\"next\"")));
        own.get("/assignments/" + start.get("id") + "/steps/who-5").then().statusCode(200)
                .body(not(containsString("Tämä harjoitus avautuu")));
        // A second assessment assigns nothing twice.
        Rehab.assessSuitable(specialist, periodId);
        client.as().get("/api/v1/assignments").then().body("id.size()", equalTo(2));
    }

    /** Issue 17: the client consents only after the assessment; the consent then starts the measures, once. */
    @Test
    void consent_given_after_the_assessment_assigns_the_measures_once() {
        setWho5();
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account client = Api.create("CLIENT");
        consent(client, false);
        Rehab.suitablePeriod(specialist, Map.of("clientId", client.id(), "serviceType", COURSE,
                "startsOn", Dates.today().minusDays(2).toString(), "endsOn", Dates.today().plusDays(40).toString()));
        // Suitable, but the client's own consent is missing: the gate still refuses, nothing is assigned.
        client.as().get("/api/v1/assignments").then().statusCode(200).body("id", empty());

        consent(client, true);
        client.as().get("/api/v1/assignments").then().statusCode(200)
                .body("moduleSlug", contains("wellbeing-who5", "wellbeing-who5"))
                .body("measure", containsInAnyOrder("START", "END"));
        // Withdrawn and given again, and assessed again: still one start and one end measure.
        consent(client, false);
        consent(client, true);
        Rehab.assessSuitable(specialist, client.as().get("/api/v1/assignments").then().extract().jsonPath()
                .getLong("[0].periodId"));
        client.as().get("/api/v1/assignments").then().body("id.size()", equalTo(2));
    }

    @Test
    void the_summary_and_the_client_page_show_start_beside_end() {
        setWho5();
        Api.Account specialist = Api.create("SPECIALIST");
        Api.Account client = Api.create("CLIENT");
        // In its last week: the end measure is open now.
        Rehab.suitablePeriod(specialist, Map.of("clientId", client.id(), "serviceType", COURSE,
                "startsOn", Dates.today().minusDays(50).toString(), "endsOn", Dates.today().plusDays(3).toString()));
        List<Map<String, Object>> all = client.as().get("/api/v1/assignments").then().statusCode(200)
                .body("opensOn", contains(nullValue(), nullValue())).extract().jsonPath().getList("$");
        long first = ((Number) all.get(1).get("id")).longValue();
        long last = ((Number) all.get(0).get("id")).longValue();
        assertTrue(first < last);
        answerWho5(client, first, 1).statusCode(200);
        Browser browser = new Browser().signIn(specialist.username(), Api.PASSWORD);
        browser.get("/clients/" + client.id()).then().statusCode(200)
                .body(containsString("Kurssin alku- ja loppumittaukset"))
                .body(containsString("<strong>20 / 100</strong>"))
                .body(containsString("Ei vastattu"));
        answerWho5(client, last, 4).statusCode(200);
        String row = "<strong>20 / 100</strong>";
        for (String path : List.of("/clients/" + client.id(), "/clients/" + client.id() + "/summary")) {
            browser.get(path).then().statusCode(200)
                    .body(containsString(row))
                    .body(containsString("<strong>80 / 100</strong>"))
                    .body(containsString("hyvinvointisi on tällä hetkellä heikko"))
                    .body(containsString("hyvinvointisi on hyvä"))
                    .body(containsString("<td>+60</td>"))
                    .body(not(containsString("Ei vastattu")));
        }
        browser.get("/clients/" + client.id() + "/summary.pdf").then().statusCode(200);
    }

    private static void consent(Api.Account client, boolean given) {
        client.as().body(Map.of("given", given)).put("/api/v1/me/consents/remote-rehab").then().statusCode(200)
                .body("given", equalTo(given));
    }

    private static io.restassured.response.ValidatableResponse answerWho5(Api.Account client, long assignmentId, int value) {
        Map<String, Object> values = Map.of("cheerful", value, "calm", value, "active", value, "rested", value,
                "interesting-life", value);
        return client.as().body(Map.of("answer", Map.of("values", values), "final", true))
                .put("/api/v1/assignments/" + assignmentId + "/steps/who-5").then();
    }
}
