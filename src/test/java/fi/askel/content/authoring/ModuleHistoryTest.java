package fi.askel.content.authoring;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A module published twice in the browser: its history names who wrote and who approved each version and how many
 * clients work on each; the difference between them names exactly the step whose text changed (in the language it
 * changed in), the step added and the step removed; a reviewer sees what a draft changes on its review page.
 */
@QuarkusTest
class ModuleHistoryTest {

    private static final String NEW_WORDS = "Harjoitukset alkavat maanantaina";

    private static Api.Account author;
    private static Api.Account reviewer;
    private static String slug;

    /** Once for the class (the test's HTTP port is known only once a test runs). */
    @BeforeEach
    void two_versions_published_in_the_browser() {
        if (slug != null) {
            return;
        }
        author = Authors.author();
        reviewer = Authors.author();
        long first = Authors.complete(author);
        String name = Authors.slug(author, first);
        publish(first, "First version, please check");
        Rehab.assign(Rehab.team(), name);

        long second = Authors.copyOf(author, name);
        Map<String, Object> definition = Authors.definition(author, second);
        List<Map<String, Object>> steps = steps(definition);
        Map<String, Object> welcome = steps.get(0);
        Map<String, Object> body = text(welcome, "body");
        body.put("fi", body.get("fi") + " " + NEW_WORDS + ".");
        steps.remove(1); // device-check
        Map<String, Object> extra = new LinkedHashMap<>(steps.get(1));
        extra.put("key", "extra-read");
        extra.put("title", Map.of("fi", "Lisälukemista", "sv", "Extra läsning", "en", "Extra reading"));
        steps.add(extra);
        Authors.save(author, second, definition).then().statusCode(200);
        publish(second, null);
        Rehab.assign(Rehab.team(), name);
        Rehab.assign(Rehab.team(), name);
        slug = name;
    }

    @Test
    void the_history_lists_each_version_with_its_author_approver_review_and_clients() {
        JsonPath versions = author.as().get("/api/v1/authoring/modules/" + slug + "/versions").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(2, 1), versions.getList("version"));
        assertEquals(List.of("Test " + reviewer.username(), "Test " + reviewer.username()), versions.getList("approvedBy"));
        assertEquals(List.of("Test " + author.username()), versions.getList("authors[1]"));
        assertEquals(List.of(2, 1), versions.getList("clientsWorking"));
        assertEquals(List.of(true, false), versions.getList("current"));
        assertEquals("First version, please check", versions.getString("[1].comments[0].body"));
        assertEquals(List.of("SENT", "APPROVED"), versions.getList("[1].comments.kind"));

        Browser page = new Browser().language("en").signIn(author.username(), Api.PASSWORD);
        String html = page.get("/authoring/modules/" + slug + "/history").then().statusCode(200).extract().asString();
        assertTrue(html.contains("Approved and published by") && html.contains("Test " + reviewer.username()), html);
        assertTrue(html.contains("Review entries: 2 (sent back for editing: 0)"), html);
        assertTrue(html.contains("/authoring/modules/" + slug + "/diff?from=1&amp;to=2"), "links each version to the one before");
        String shipped = page.get("/authoring/modules/getting-ready/history").then().statusCode(200).extract().asString();
        assertTrue(shipped.contains("shipped with"), "a version from the files names the release, not a person");
        assertTrue(page.get("/modules/" + slug).asString().contains("/authoring/modules/" + slug + "/history"),
                "the module's page links an author to its history");
    }

    @Test
    void the_difference_names_the_changed_added_and_removed_steps_per_language() {
        JsonPath diff = author.as().get("/api/v1/authoring/modules/" + slug + "/versions/1/diff/2").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("fi", "sv", "en"), diff.getList("languages.lang"));
        String fi = "languages.find { it.lang == 'fi' }";
        assertEquals(Map.of("changed", 1, "added", 1, "removed", 1, "moved", 0, "details", false), diff.getMap(fi + ".summary"));
        assertEquals(List.of("welcome", "device-check", "extra-read"), diff.getList(fi + ".steps.key"));
        assertEquals(List.of("changed", "removed", "added"), diff.getList(fi + ".steps.status"));
        assertEquals(List.of("body"), diff.getList(fi + ".steps[0].changes.field"));
        assertTrue(String.join("", diff.getList(fi + ".steps[0].changes[0].words.findAll { it.kind == 'added' }.text", String.class))
                .contains(NEW_WORDS), diff.prettify());
        assertEquals(List.of(), diff.getList(fi + ".steps[0].changes[0].words.findAll { it.kind == 'removed' }"));
        // The Finnish text alone changed: in Swedish and English only the added and removed steps differ.
        for (String lang : List.of("sv", "en")) {
            String in = "languages.find { it.lang == '" + lang + "' }";
            assertEquals(List.of("device-check", "extra-read"), diff.getList(in + ".steps.key"), lang);
            assertEquals(0, diff.getInt(in + ".summary.changed"), lang);
        }
        assertEquals("Extra reading", diff.getString("languages.find { it.lang == 'en' }.steps.find { it.key == 'extra-read' }.title"));

        String html = new Browser().language("en").signIn(author.username(), Api.PASSWORD)
                .get("/authoring/modules/" + slug + "/diff").then().statusCode(200).extract().asString();
        assertTrue(html.contains("From version 1 to version 2"), "the newest against the one before by default");
        assertTrue(html.contains("changed steps: 1, added steps: 1, removed steps: 1, moved steps: 0"), html);
        assertTrue(html.contains("<ins><span class=\"visually-hidden\" lang=\"en\">[added: </span>") && html.contains(NEW_WORDS), html);
    }

    @Test
    void a_reviewer_sees_what_the_draft_changes_in_the_version_it_copies() {
        long third = Authors.copyOf(author, slug);
        Map<String, Object> definition = Authors.definition(author, third);
        Map<String, Object> welcome = steps(definition).get(0);
        Map<String, Object> title = text(welcome, "title");
        title.put("sv", title.get("sv") + " extra");
        Authors.save(author, third, definition).then().statusCode(200);
        Authors.review(author, third, "", null).then().statusCode(200);

        String html = new Browser().language("en").signIn(reviewer.username(), Api.PASSWORD)
                .get("/authoring/drafts/" + third).then().statusCode(200).extract().asString();
        assertTrue(html.contains("Changes compared with " + slug + " version 2"), html);
        // The Swedish title changed: the Swedish part names it (in the reader's English), the others have no differences.
        assertTrue(html.contains("<span lang=\"sv\">På svenska</span>: changed steps: 1, added steps: 0, removed steps: 0, moved steps: 0"), html);
        assertTrue(html.contains("<span lang=\"fi\">Suomeksi</span>: no differences"), html);
        assertTrue(html.contains("<p class=\"diff-text\" lang=\"sv\">"), html);
        assertTrue(html.contains("<ins><span class=\"visually-hidden\" lang=\"en\">[added: </span> extra<"), html);
    }

    @Test
    void unknown_modules_and_versions_are_not_found_and_only_authors_read_histories() {
        author.as().get("/api/v1/authoring/modules/no-such-module/versions").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        author.as().get("/api/v1/authoring/modules/" + slug + "/versions/1/diff/9").then().statusCode(404);
        author.as().get("/api/v1/authoring/modules/" + slug + "/versions/9/diff/1").then().statusCode(404);
        new Browser().language("en").signIn(author.username(), Api.PASSWORD).get("/authoring/modules/" + slug + "/diff?to=9")
                .then().statusCode(404);
        for (Api.Account outsider : List.of(Api.create("SPECIALIST"), Api.create("CLIENT"), Api.admin())) {
            outsider.as().get("/api/v1/authoring/modules/" + slug + "/versions").then().statusCode(403);
            outsider.as().get("/api/v1/authoring/modules/" + slug + "/versions/1/diff/2").then().statusCode(403);
        }
    }

    private void publish(long draft, String note) {
        Authors.review(author, draft, "", note).then().statusCode(200);
        Authors.review(reviewer, draft, "/approve", null).then().statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> definition) {
        List<Map<String, Object>> steps = new ArrayList<>((List<Map<String, Object>>) definition.get("steps"));
        definition.put("steps", steps);
        return steps;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> text(Map<String, Object> step, String field) {
        Map<String, Object> text = new LinkedHashMap<>((Map<String, Object>) step.get(field));
        step.put(field, text);
        return text;
    }
}
