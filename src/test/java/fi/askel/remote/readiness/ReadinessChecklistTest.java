package fi.askel.remote.readiness;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin's checklist of Kela's conditions: seeded items, reviews with history, overdue items, who may see it. */
@QuarkusTest
class ReadinessChecklistTest {

    private static final String API = Readiness.API;

    @Test
    void kelas_conditions_are_on_the_checklist_from_the_first_start() {
        Api.Account admin = Api.create("ADMIN", "fi");
        JsonPath overview = Readiness.overview(admin);
        List<String> codes = overview.getList("items.code");
        assertTrue(codes.containsAll(List.of("private-spaces", "data-security", "support-provider", "support-clients",
                "emergency-instructions", "technical-instructions", "insurance", "restore-test")), codes.toString());
        assertTrue(overview.getList("items.title").containsAll(List.of("Etäkuntoutukseen sopivat tilat", "Vakuutusturva", "Varmuuskopion palautus testattu",
                "Tekninen tuki asiakkaille")), overview.getList("items.title").toString());

        Browser browser = new Browser().signIn(admin.username(), Api.PASSWORD);
        browser.get("/admin/readiness").then().statusCode(200)
                .body(containsString("<caption>Kelan etäkuntoutuksen edellytykset"))
                .body(containsString("Toimintaohjeet hätätilanteisiin"))
                .body(containsString("href=\"/admin/readiness\" aria-current=\"page\">Valmiuslista</a>"));
    }

    @Test
    void an_item_whose_next_review_date_passed_is_overdue_and_one_reviewed_today_is_not() {
        Api.Account admin = Api.create("ADMIN", "fi");
        LocalDate today = ReadinessService.today();
        long late = Readiness.ownItem(admin, Api.unique("Tulkkipalvelun sopimus"), today.minusYears(1), today.minusDays(1));
        long fresh = Readiness.ownItem(admin, Api.unique("Laitteiden huolto"), today, today.plusMonths(6));
        long dueToday = Readiness.ownItem(admin, Api.unique("Kameroiden tarkistus"), today.minusMonths(1), today);

        JsonPath overview = Readiness.overview(admin);
        assertEquals("OVERDUE", Readiness.item(overview, late).get("status"));
        assertEquals(true, Readiness.item(overview, late).get("overdue"));
        assertEquals("OK", Readiness.item(overview, fresh).get("status"));
        assertEquals(false, Readiness.item(overview, fresh).get("overdue"));
        assertEquals(false, Readiness.item(overview, dueToday).get("overdue"), "due today is not yet overdue");
        assertTrue(overview.getLong("overdueCount") >= 1);
    }

    @Test
    void the_admin_dashboard_shows_overdue_items_until_they_are_reviewed() {
        Api.Account admin = Api.create("ADMIN", "fi");
        LocalDate today = ReadinessService.today();
        String title = Api.unique("Palovakuutuksen uusiminen");
        long id = Readiness.ownItem(admin, title, today.minusMonths(13), today.minusDays(3));

        Browser browser = new Browser().signIn(admin.username(), Api.PASSWORD);
        browser.get("/").then().statusCode(200)
                .body(containsString("Valmiuslistalla on myöhässä olevia tarkistuksia"))
                .body(containsString(title));
        browser.get("/admin/readiness").then().statusCode(200)
                .body(containsString("Myöhässä olevia tarkistuksia"))
                .body(containsString("<tr id=\"item-" + id + "\" class=\"readiness-OVERDUE\">"));

        // The admin reviews it through the page's form.
        browser.get("/admin/readiness/items/" + id).then().statusCode(200).body(containsString(title));
        browser.post("/admin/readiness/items/" + id, Map.of("title", title, "ownerId", String.valueOf(admin.id()),
                        "evidence", "Vakuutuskirja 2027 saapui", "lastReviewedOn", today.toString(),
                        "nextReviewOn", today.plusYears(1).toString()))
                .then().statusCode(303);
        browser.get("/").then().statusCode(200).body(not(containsString(title)));
        browser.get("/admin/readiness").then().statusCode(200)
                .body(containsString("<tr id=\"item-" + id + "\" class=\"readiness-OK\">"))
                .body(containsString("Vakuutuskirja 2027 saapui"));
    }

    @Test
    void every_review_is_kept_in_the_items_history() {
        Api.Account admin = Api.create("ADMIN", "fi");
        Api.Account specialist = Api.create("SPECIALIST", "fi");
        LocalDate today = ReadinessService.today();
        long insurance = insuranceId(admin);
        admin.as().body(Readiness.review(admin.id(), today.minusDays(2), today.plusMonths(6), "Vakuutus A"))
                .put(API + "/items/" + insurance).then().statusCode(200);
        admin.as().body(Readiness.review(specialist.id(), today, today.plusYears(1), "Vakuutus B"))
                .put(API + "/items/" + insurance).then().statusCode(200)
                .body("ownerName", equalTo("Test " + specialist.username()))
                .body("title", equalTo("Vakuutusturva"));

        JsonPath detail = admin.as().get(API + "/items/" + insurance).then().statusCode(200).extract().jsonPath();
        assertEquals("Vakuutus B", detail.getString("item.evidence"));
        assertEquals("Vakuutus B", detail.getString("history[0].evidence"), "newest first");
        assertEquals("Vakuutus A", detail.getString("history[1].evidence"));
        assertEquals(today.plusMonths(6).toString(), detail.getString("history[1].nextReviewOn"));
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_changes_nothing() {
        Api.Account admin = Api.create("ADMIN", "fi");
        Api.Account client = Api.create("CLIENT", "fi");
        LocalDate today = ReadinessService.today();
        long insurance = insuranceId(admin);
        admin.as().body(Readiness.review(admin.id(), today, today.plusYears(1), "Ennallaan")).put(API + "/items/" + insurance)
                .then().statusCode(200);

        admin.as().body(Readiness.review(admin.id(), today, today.minusDays(1), "Muutettu"))
                .put(API + "/items/" + insurance).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("nextReviewOn"));
        admin.as().body(Readiness.review(client.id(), today, today.plusYears(1), "Muutettu"))
                .put(API + "/items/" + insurance).then().statusCode(400)
                .body("violations.field", hasItem("ownerId"));
        admin.as().body(Readiness.review(admin.id(), today.plusDays(1), today.plusYears(1), "Muutettu"))
                .put(API + "/items/" + insurance).then().statusCode(400)
                .body("violations.field", hasItem("lastReviewedOn"));
        admin.as().body(Map.of("ownerId", admin.id(), "nextReviewOn", "ensi vuonna"))
                .put(API + "/items/" + insurance).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("nextReviewOn"));
        JsonPath detail = admin.as().get(API + "/items/" + insurance).then().statusCode(200).extract().jsonPath();
        assertEquals("Ennallaan", detail.getString("item.evidence"));
        assertEquals(today.plusYears(1).toString(), detail.getString("item.nextReviewOn"));

        int before = Readiness.overview(admin).getList("items").size();
        admin.as().body(Readiness.review(admin.id(), null, today.plusYears(1), "Ilman nimeä"))
                .post(API + "/items").then().statusCode(400)
                .body("violations.field", hasItem("title"));
        assertEquals(before, Readiness.overview(admin).getList("items").size());

        // The page's form tells the same, next to the field, and keeps what was typed.
        Browser browser = new Browser().signIn(admin.username(), Api.PASSWORD);
        browser.get("/admin/readiness/items/" + insurance);
        browser.post("/admin/readiness/items/" + insurance, Map.of("ownerId", String.valueOf(admin.id()),
                        "evidence", "Lomakkeelta", "lastReviewedOn", today.toString(), "nextReviewOn", "31.12.2027"))
                .then().statusCode(400)
                .body(containsString("id=\"f-nextReviewOn-error\">Anna päivämäärä muodossa vvvv-kk-pp."))
                .body(containsString(">Lomakkeelta</textarea>"));
        assertEquals("Ennallaan", admin.as().get(API + "/items/" + insurance).then().extract().path("item.evidence"));
    }

    @Test
    void only_admins_may_see_or_change_the_checklist() {
        Api.Account admin = Api.create("ADMIN", "fi");
        long insurance = insuranceId(admin);
        LocalDate today = ReadinessService.today();
        for (Api.Account other : List.of(Api.create("SPECIALIST", "fi"), Api.create("CLIENT", "fi"))) {
            other.as().get(API).then().statusCode(403);
            other.as().get(API + "/items/" + insurance).then().statusCode(403);
            other.as().body(Readiness.review(other.id(), today, today.plusYears(1), "Ei saa"))
                    .put(API + "/items/" + insurance).then().statusCode(403);
            other.as().body(Map.of("emergencyInstructions", "Ei saa")).put(API + "/texts/fi").then().statusCode(403);
            new Browser().signIn(other.username(), Api.PASSWORD).get("/admin/readiness").then().statusCode(403);
        }
        given().get(API).then().statusCode(401);
        assertFalse("Ei saa".equals(admin.as().get(API + "/items/" + insurance).then().extract().path("item.evidence")));
        new Browser().signIn(Api.create("SPECIALIST", "fi").username(), Api.PASSWORD).get("/").then().statusCode(200)
                .body(not(containsString("/admin/readiness")));
    }

    private static long insuranceId(Api.Account admin) {
        List<Map<String, Object>> items = Readiness.overview(admin).getList("items");
        return items.stream().filter(i -> "insurance".equals(i.get("code"))).map(i -> ((Number) i.get("id")).longValue())
                .findFirst().orElseThrow();
    }
}
