package fi.askel.remote.readiness;

import fi.askel.support.Api;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fixtures for the readiness tests: the checklist through the admin API, as an admin would keep it. */
final class Readiness {

    static final String API = "/api/v1/admin/readiness";

    private Readiness() {}

    static JsonPath overview(Api.Account admin) {
        return admin.as().get(API).then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> review(Long ownerId, LocalDate last, LocalDate next, String evidence) {
        Map<String, Object> body = new HashMap<>();
        body.put("ownerId", ownerId);
        body.put("lastReviewedOn", last == null ? null : last.toString());
        body.put("nextReviewOn", next == null ? null : next.toString());
        body.put("evidence", evidence);
        return body;
    }

    /** An item of the provider's own, owned by the admin. */
    static long ownItem(Api.Account admin, String title, LocalDate last, LocalDate next) {
        Map<String, Object> body = review(admin.id(), last, next, "Sopimus arkistossa");
        body.put("title", title);
        return admin.as().body(body).post(API + "/items").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static Map<String, Object> item(JsonPath overview, long id) {
        List<Map<String, Object>> items = overview.getList("items");
        return items.stream().filter(i -> ((Number) i.get("id")).longValue() == id).findFirst()
                .orElseThrow(() -> new AssertionError("item " + id + " not listed"));
    }

    /** Reviews every overdue item today, due again in a month: a checklist with nothing overdue. */
    static void reviewEverythingOverdue(Api.Account admin) {
        LocalDate today = ReadinessService.today();
        List<Map<String, Object>> items = overview(admin).getList("items");
        for (Map<String, Object> i : items) {
            if (Boolean.TRUE.equals(i.get("overdue"))) {
                Map<String, Object> body = review(admin.id(), today, today.plusMonths(1), "Tarkistettu");
                if (!Boolean.TRUE.equals(i.get("standard"))) {
                    body.put("title", i.get("title"));
                }
                admin.as().body(body).put(API + "/items/" + i.get("id")).then().statusCode(200);
            }
        }
    }
}
