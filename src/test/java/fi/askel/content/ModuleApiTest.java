package fi.askel.content;

import fi.askel.content.steps.ChecklistStep;
import fi.askel.content.steps.ExerciseStep;
import fi.askel.content.steps.GoalStep;
import fi.askel.content.steps.QuestionnaireStep;
import fi.askel.content.steps.QuizStep;
import fi.askel.content.steps.ReadStep;
import fi.askel.content.steps.ReflectionStep;
import fi.askel.content.steps.SafetyStep;
import fi.askel.content.steps.ScaleStep;
import fi.askel.content.steps.Step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Json;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ModuleApiTest {

    @Inject
    ModuleCatalog catalog;

    @Inject
    ObjectMapper json;

    @Test
    void catalog_lists_every_module_in_the_users_language_by_default() {
        Api.Account swedish = Api.create("CLIENT", "sv");
        swedish.as().get("/api/v1/modules").then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(13))
                .body("slug", hasItem("getting-ready"))
                .body("find { it.slug == 'getting-ready' }.title", equalTo("Förbered dig för distansrehabiliteringen"))
                .body("find { it.slug == 'getting-ready' }.stepCount", equalTo(9))
                .body("find { it.slug == 'getting-ready' }.version", equalTo(1));
        swedish.as().get("/api/v1/modules?lang=en").then().statusCode(200)
                .body("find { it.slug == 'getting-ready' }.title", equalTo("Getting ready for remote rehabilitation"));
    }

    @Test
    void every_step_of_every_module_round_trips_in_all_three_languages() {
        Api.Account client = Api.create("CLIENT");
        List<String> slugs = Json.objects(Json.of(client.as().get("/api/v1/modules").then().statusCode(200))).stream()
                .map(m -> (String) m.get("slug")).toList();
        assertTrue(slugs.size() >= 13, slugs.toString());
        for (String lang : List.of("fi", "sv", "en")) {
            for (String slug : slugs) {
                // Jackson, not REST Assured's JSON paths: this loop reads some 400 steps (Json explains why).
                var module = Json.of(client.as().get("/api/v1/modules/" + slug + "?lang=" + lang).then().statusCode(200));
                assertEquals(lang, Json.field(module, "lang").asText(), slug);
                List<Map<String, Object>> steps = Json.objects(Json.field(module, "steps"));
                Module source = catalog.find(slug).orElseThrow();
                assertEquals(source.steps().size(), steps.size());
                for (int i = 0; i < source.steps().size(); i++) {
                    Step step = source.steps().get(i);
                    String at = slug + "/" + step.key() + "/" + lang;
                    Map<String, Object> view = steps.get(i);
                    assertEquals(step.key(), view.get("key"), at);
                    assertEquals(step.type(), view.get("type"), at);
                    assertEquals(step.title().get(lang), view.get("title"), at);
                    assertStepContent(step, view, lang, at);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertStepContent(Step step, Map<String, Object> view, String lang, String at) {
        if (step instanceof ReadStep) {
            assertTrue(((String) view.get("bodyHtml")).length() > 50, at);
        } else if (step instanceof SafetyStep) {
            assertEquals("read", view.get("answerShape"), at);
            assertTrue(((String) ((Map<String, Object>) view.get("safety")).get("html")).contains("112"), at);
        } else if (step instanceof ExerciseStep e) {
            assertTrue(((String) view.get("bodyHtml")).length() > 50, at);
            Map<String, Object> dose = (Map<String, Object>) view.get("dose");
            assertEquals(e.dose().daysPerWeek(), dose.get("daysPerWeek"), at);
            assertFalse(((String) dose.get("text")).isBlank(), at);
        } else if (step instanceof ReflectionStep r) {
            assertEquals(r.prompt().get(lang), view.get("prompt"), at);
        } else if (step instanceof GoalStep g) {
            assertEquals(g.prompt().get(lang), view.get("prompt"), at);
        } else if (step instanceof ScaleStep s) {
            List<Map<String, Object>> items = (List<Map<String, Object>>) view.get("items");
            assertEquals(s.items().get(0).minLabel().get(lang), items.get(0).get("minLabel"), at);
            assertEquals(s.items().get(0).max(), items.get(0).get("max"), at);
        } else if (step instanceof ChecklistStep c) {
            assertEquals(c.items().get(0).label().get(lang),
                    ((List<Map<String, Object>>) view.get("items")).get(0).get("label"), at);
        } else if (step instanceof QuizStep q) {
            List<Map<String, Object>> questions = (List<Map<String, Object>>) view.get("questions");
            assertEquals(q.questions().get(0).explanation().get(lang), questions.get(0).get("explanation"), at);
        } else if (step instanceof QuestionnaireStep q) {
            assertEquals(q.options().get(0).label().get(lang),
                    ((List<Map<String, Object>>) view.get("options")).get(0).get("label"), at);
            assertEquals(q.bands().size(), ((List<?>) view.get("bands")).size(), at);
        }
    }

    @Test
    void a_safety_step_shows_the_shared_advice_word_for_word_in_every_module() {
        Api.Account client = Api.create("CLIENT");
        JsonPath ready = client.as().get("/api/v1/modules/getting-ready?lang=fi").then().statusCode(200)
                .body("steps.find { it.key == 'emergency' }.type", equalTo("safety"))
                .body("steps.find { it.key == 'emergency' }.typeLabel", equalTo("Turvallisuusohje"))
                .body("steps.find { it.key == 'emergency' }.answerShape", equalTo("read"))
                .body("steps.find { it.key == 'emergency' }.safety.version", equalTo(1))
                .body("steps.find { it.key == 'emergency' }.safety.reviewed", equalTo("2026-12-05"))
                .extract().jsonPath();
        String inReady = chestPainSection(ready.getString("steps.find { it.key == 'emergency' }.safety.html"));
        assertTrue(inReady.contains("soita 112"), inReady);
        String inActivity = chestPainSection(client.as().get("/api/v1/modules/physical-activity?lang=fi").then()
                .statusCode(200).extract().jsonPath().getString("steps.find { it.key == 'start-where-you-are' }.safety.html"));
        assertEquals(inReady, inActivity);
        String inBack = chestPainSection(client.as().get("/api/v1/modules/back-and-neck?lang=fi").then()
                .statusCode(200).extract().jsonPath().getString("steps.find { it.key == 'safety-first' }.safety.html"));
        assertEquals(inReady, inBack);
        // The module's own words come first (bodyHtml), the shared text after, on the module page too.
        Browser browser = new Browser().signIn(client.username(), Api.PASSWORD);
        browser.get("/modules/back-and-neck").then().statusCode(200)
                .body(containsString("Kivun liikennevalot"))
                .body(containsString("class=\"safety-text"))
                .body(containsString(inReady))
                .body(containsString("Yhteinen turvallisuusohje, versio 1"));
    }

    /** The chest-pain section of a rendered safety text: from its heading to the next heading. */
    private static String chestPainSection(String html) {
        int start = html.indexOf("<h3>Rintakipu</h3>");
        assertTrue(start >= 0, html);
        int end = html.indexOf("<h3>", start + 1);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    @Test
    void unknown_module_is_a_clear_404_and_a_bad_language_a_400() {
        Api.Account client = Api.create("CLIENT");
        client.as().header("Accept-Language", "en").get("/api/v1/modules/no-such-module").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("No such exercise module."));
        client.as().get("/api/v1/modules?lang=de").then().statusCode(400).body("violations[0].field", equalTo("lang"));
        client.as().get("/api/v1/modules?theme=astrology").then().statusCode(400).body("violations[0].field", equalTo("theme"));
        given().get("/api/v1/modules").then().statusCode(401);
    }

    @Test
    void theme_filter_narrows_the_catalog() {
        Api.Account client = Api.create("CLIENT");
        client.as().get("/api/v1/modules?theme=sleep&lang=en").then().statusCode(200)
                .body("slug", hasItem("sleep-and-recovery"))
                .body("slug", not(hasItem("eating-well")))
                .body("themes.key.flatten()", hasItem("sleep"));
    }

    @Test
    void an_earlier_version_stays_readable_from_its_stored_snapshot() throws Exception {
        Module now = catalog.find("peer-support").orElseThrow();
        int older = 1000 + (int) (System.nanoTime() % 100000);
        Module old = new Module(now.slug(), older, now.estimatedMinutes(), now.themes(), now.targetGroups(), now.title(),
                now.summary(), now.steps().subList(0, 4));
        String definition = json.writeValueAsString(old);
        QuarkusTransaction.requiringNew().run(() -> {
            ModuleVersion v = new ModuleVersion();
            v.id = new ModuleVersion.Id(now.slug(), older);
            v.structureHash = StructureHash.of(old);
            v.definition = definition;
            v.firstLoadedAt = Instant.now();
            v.updatedAt = Instant.now();
            v.persist();
        });
        Api.Account client = Api.create("CLIENT");
        client.as().get("/api/v1/modules/peer-support?version=" + older + "&lang=en").then().statusCode(200)
                .body("version", equalTo(older)).body("steps.size()", equalTo(4));
        client.as().get("/api/v1/modules/peer-support?version=999999999").then().statusCode(404);
        // The current version was stored at start too.
        assertNotNull(QuarkusTransaction.requiringNew().call(() ->
                ModuleVersion.findById(new ModuleVersion.Id(now.slug(), now.version()))));
    }

    @Test
    void catalog_and_module_pages_render_in_the_users_language() {
        Api.Account client = Api.create("CLIENT", "sv");
        Browser browser = new Browser().signIn(client.username(), Api.PASSWORD);
        browser.get("/modules").then().statusCode(200)
                .body(containsString("Övningsmoduler"))
                .body(containsString("href=\"/modules/getting-ready\""))
                .body(containsString("<label for=\"theme\">Tema</label>"));
        browser.get("/modules?theme=diabetes").then().statusCode(200)
                .body(containsString("href=\"/modules/type-2-diabetes\""))
                .body(not(containsString("href=\"/modules/eating-well\"")));
        browser.get("/modules/back-and-neck").then().statusCode(200)
                .body(containsString("<h1>"))
                .body(containsString("class=\"steps\""))
                .body(containsString("dagar i veckan"))
                .body(not(containsString("&lt;p&gt;")));
        browser.get("/modules/no-such-module").then().statusCode(404).body(containsString("Övningsmodulen hittades inte."));
    }

    /** Each step type's own part of the module page (steps/&lt;type&gt;/catalog.html), on every shipped module's page. */
    @Test
    @SuppressWarnings("unchecked")
    void every_shipped_module_page_shows_what_each_step_type_adds() {
        Api.Account client = Api.create("CLIENT", "fi");
        Browser browser = new Browser().signIn(client.username(), Api.PASSWORD);
        java.util.Set<String> typesSeen = new java.util.TreeSet<>();
        for (Map<String, Object> listed : Json.objects(Json.of(given().auth().oauth2(client.token()).get("/api/v1/modules?lang=fi")
                .then().statusCode(200)))) {
            String slug = (String) listed.get("slug");
            String page = browser.get("/modules/" + slug).then().statusCode(200).extract().asString();
            List<Map<String, Object>> steps = Json.objects(Json.field(Json.of(given().auth().oauth2(client.token())
                    .get("/api/v1/modules/" + slug + "?lang=fi").then().statusCode(200)), "steps"));
            for (Map<String, Object> step : steps) {
                String type = (String) step.get("type");
                List<String> expected = new java.util.ArrayList<>();
                switch (type) {
                    case "scale" -> ((List<Map<String, Object>>) step.get("items")).forEach(i -> expected.add((String) i.get("maxLabel")));
                    case "checklist" -> ((List<Map<String, Object>>) step.get("items")).forEach(i -> expected.add((String) i.get("label")));
                    case "quiz" -> ((List<Map<String, Object>>) step.get("questions")).forEach(q -> expected.add((String) q.get("explanation")));
                    case "questionnaire" -> ((List<Map<String, Object>>) step.get("bands")).forEach(b -> expected.add((String) b.get("label")));
                    case "exercise" -> {
                        if (step.get("dose") != null) {
                            expected.add((String) ((Map<String, Object>) step.get("dose")).get("text"));
                        }
                    }
                    case "reflection" -> expected.add("enintään " + step.get("maxLength") + " merkkiä");
                    default -> { }
                }
                for (String text : expected) {
                    assertTrue(page.contains(escaped(text)), slug + "/" + step.get("key") + " (" + type + ") should show: " + text);
                }
                if (!expected.isEmpty()) {
                    typesSeen.add(type);
                }
            }
        }
        assertEquals(java.util.Set.of("scale", "checklist", "quiz", "questionnaire", "exercise", "reflection"), typesSeen);
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
