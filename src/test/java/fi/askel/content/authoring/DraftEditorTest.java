package fi.askel.content.authoring;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.content.steps.StepTypes;
import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A specialist writes a module in the browser: drafts, fields side by side in fi/sv/en, steps, the loader's checks. */
@QuarkusTest
class DraftEditorTest {

    @Test
    void a_new_module_is_written_with_missing_translations_marked_and_a_wrong_number_refused() {
        Api.Account author = Authors.author();
        Browser page = new Browser().language("en").signIn(author.username(), Api.PASSWORD);
        assertEquals(200, page.get("/authoring").statusCode());

        String refused = page.post("/authoring/drafts", Map.of("slug", "Sleep Better")).then().statusCode(400).extract().asString();
        assertTrue(refused.contains("lowercase letters, digits and hyphens"), refused);
        assertTrue(refused.contains("value=\"Sleep Better\""), "the typed name comes back");

        String slug = Api.unique("sleep").replaceAll("[^a-z0-9-]", "-");
        Response created = page.post("/authoring/drafts", Map.of("slug", slug));
        assertEquals(303, created.statusCode());
        String draft = created.getHeader("Location");
        long id = Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1));
        assertTrue(page.get(draft).asString().contains("No steps yet"));

        Map<String, String> fields = new HashMap<>(Map.of("revision", "0", "slug", slug, "title.fi", "Parempaa unta",
                "title.sv", "", "title.en", "", "summary.fi", "Unen perusteet.", "summary.sv", "Grunderna i sömn.",
                "summary.en", "Sleep basics.", "estimatedMinutes", "20", "themes[]", "sleep"));
        fields.put("targetGroups[]", "all");
        assertEquals(303, page.post(draft, fields).statusCode());
        String saved = page.get(draft + "?done=saved").asString();
        assertTrue(saved.contains("Saved."), saved);
        assertEquals(2, count(saved, "<span class=\"badge missing\">missing</span>"), "the title's sv and en are marked missing");

        fields.put("revision", "1");
        fields.put("estimatedMinutes", "lots");
        fields.put("title.en", "Better sleep");
        String wrong = page.post(draft, fields).then().statusCode(400).extract().asString();
        assertTrue(wrong.contains("id=\"f-estimatedMinutes-error\""), wrong);
        assertTrue(wrong.contains("&quot;estimatedMinutes&quot; must be a whole number, not &quot;lots&quot;")
                || wrong.contains("\"estimatedMinutes\" must be a whole number, not \"lots\""), wrong);
        assertTrue(wrong.contains("value=\"lots\"") && wrong.contains("value=\"Better sleep\""), "the form comes back as typed");
        JsonPath stored = author.as().get("/api/v1/authoring/drafts/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("20", stored.getString("definition.estimatedMinutes"), "a refused save changes nothing");
        assertEquals("", stored.getString("definition.title.en"));
        assertTrue(stored.getList("missingTranslations").contains("title.sv"), stored.prettify());
    }

    @Test
    void a_broken_step_is_refused_with_the_loaders_message_next_to_its_field() {
        Api.Account author = Authors.author();
        long id = Authors.newDraft(author);
        Browser page = new Browser().language("en").signIn(author.username(), Api.PASSWORD);
        page.get("/authoring/drafts/" + id);
        Response added = page.post("/authoring/drafts/" + id + "/steps", Map.of("type", "scale", "revision", "0"));
        assertEquals(303, added.statusCode());
        String step = "/authoring/drafts/" + id + "/steps/0";
        assertTrue(added.getHeader("Location").startsWith(step), added.getHeader("Location"));
        assertTrue(page.get(step).asString().contains("Items to rate"));

        Map<String, String> form = new HashMap<>(Map.of("revision", "1", "action", "save", "key", "pain-today",
                "title.fi", "Kipu tänään", "required", "true", "items.0.key", "pain", "items.0.label.fi", "Kipu nyt",
                "items.0.min", "5", "items.0.max", "3", "items.0.minLabel.fi", "Ei kipua"));
        form.put("items.0.maxLabel.fi", "Pahin kipu");
        String refused = page.post(step, form).then().statusCode(400).extract().asString();
        assertTrue(refused.contains("id=\"f-items-0-max-error\""), refused);
        assertTrue(refused.contains("max (3) must be greater than min (5)"), refused);
        assertTrue(refused.contains("value=\"Kipu nyt\"") && refused.contains("value=\"pain-today\""), "typed values kept");
        author.as().get("/api/v1/authoring/drafts/" + id).then().statusCode(200)
                .body("definition.steps[0].key", equalTo("scale")).body("revision", equalTo(1));

        form.put("items.0.max", "10");
        assertEquals(303, page.post(step, form).statusCode());
        JsonPath saved = author.as().get("/api/v1/authoring/drafts/" + id).then().extract().jsonPath();
        assertEquals("pain-today", saved.getString("definition.steps[0].key"));
        assertEquals("10", saved.getString("definition.steps[0].items[0].max"));
        // Only translations are still to write in this step: sv and en of each text.
        assertTrue(saved.getList("missingTranslations").contains("steps.0.title.sv"), saved.prettify());

        // The API is refused the same way, naming the field.
        Map<String, Object> definition = saved.getMap("definition");
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) definition.get("steps")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> item = ((List<Map<String, Object>>) first.get("items")).get(0);
        item.put("min", "11");
        author.as().body(Map.of("revision", 2, "definition", definition)).put("/api/v1/authoring/drafts/" + id)
                .then().statusCode(400).body("violations.field", hasItem("definition.steps.0.items.0.max"));
    }

    @Test
    void steps_are_added_reordered_and_removed_with_plain_form_posts() {
        Api.Account author = Authors.author();
        long id = Authors.newDraft(author);
        Browser page = new Browser().language("en").signIn(author.username(), Api.PASSWORD);
        String draft = "/authoring/drafts/" + id;
        page.get(draft);
        assertEquals(303, page.post(draft + "/steps", Map.of("type", "read", "revision", "0")).statusCode());
        assertEquals(303, page.post(draft + "/steps", Map.of("type", "reflection", "revision", "1")).statusCode());
        assertEquals(List.of("read", "reflection"), types(author, id));

        String list = page.get(draft).asString();
        assertTrue(list.contains("Move up<span class=\"visually-hidden\">"), list);
        assertEquals(303, page.post(draft + "/steps/1/move", Map.of("direction", "up", "revision", "2")).statusCode());
        assertEquals(List.of("reflection", "read"), types(author, id));

        // A page opened before that move is out of date: nothing changes, and the author is told.
        String stale = page.post(draft + "/steps/0/remove", Map.of("revision", "2")).then().statusCode(409).extract().asString();
        assertTrue(stale.contains("someone saved this draft after you opened the page"), stale);
        assertEquals(List.of("reflection", "read"), types(author, id));

        assertEquals(303, page.post(draft + "/steps/0/remove", Map.of("revision", "3")).statusCode());
        assertEquals(List.of("read"), types(author, id));
        assertEquals(404, page.get(draft + "/steps/5").statusCode());
    }

    @Test
    void a_shipped_module_copied_into_a_draft_passes_the_loader_and_previews_as_a_client_sees_it() {
        Api.Account author = Authors.author();
        Browser page = new Browser().language("en").signIn(author.username(), Api.PASSWORD);
        page.get("/authoring");
        Response copied = page.post("/authoring/drafts/copy", Map.of("copyOf", "back-and-neck"));
        assertEquals(303, copied.statusCode());
        String draft = copied.getHeader("Location");
        long id = Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1));

        JsonPath view = author.as().get("/api/v1/authoring/drafts/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), view.getList("problems"), "a shipped module is a valid draft");
        assertEquals("back-and-neck", view.getString("basedOnSlug"));
        int steps = Api.admin().as().get("/api/v1/modules/back-and-neck").then().extract().jsonPath().getList("steps").size();
        assertEquals(steps, view.getList("definition.steps").size());
        assertTrue(view.getString("definition.steps.find { it.key == 'chin-tuck' }.body.sv").length() > 50, "step texts come along");

        String preview = page.get(draft + "/preview").then().statusCode(200).extract().asString();
        assertTrue(preview.contains("Safety first: when to stop"), preview);
        assertTrue(preview.contains("Nothing is saved and no client is given the module"), preview);
        String swedish = page.get(draft + "/preview?step=2&lang=sv").then().statusCode(200).extract().asString();
        assertTrue(swedish.contains("Hakindragning"), swedish);
        assertTrue(swedish.contains("lang=\"sv\""), "the module's language is marked for screen readers");
        // The copy keeps the shipped illustration, shown as the client sees it and described in Swedish.
        assertTrue(swedish.contains("alt=\"1: En person sedd från sidan"), swedish);
        String picture = swedish.replaceFirst("(?s).*<img src=\"([^\"]+)\".*", "$1");
        // Fetched from the draft (which may also hold pictures of its own), here the module's shipped one.
        assertTrue(picture.matches("/authoring/drafts/\\d+/images/[0-9a-f]{16}/chin-tuck\\.svg"), picture);
        assertEquals(200, page.get(picture).statusCode());
    }

    @Test
    void the_preview_switches_between_a_phone_and_a_desktop_screen_with_plain_links() {
        Api.Account author = Authors.author();
        long id = Authors.copyOf(author, "getting-ready");
        Browser page = new Browser().language("en").signIn(author.username(), Api.PASSWORD);
        String base = "/authoring/drafts/" + id + "/preview";
        String desktop = page.get(base + "?step=1&lang=en").then().statusCode(200).extract().asString();
        assertTrue(desktop.contains("class=\"preview-frame preview-desktop\""), "full width unless asked: " + desktop);
        assertTrue(desktop.contains("<nav class=\"preview-tools\" aria-label=\"Screen width\">"), desktop);
        assertTrue(desktop.contains("<a href=\"" + base + "?step=1&amp;lang=en&amp;view=phone\">Phone (390 px)</a>"), desktop);
        assertTrue(desktop.contains("<a href=\"" + base + "?step=1&amp;lang=en&amp;view=desktop\" aria-current=\"page\">"
                + "Desktop (full width)</a>"), desktop);

        String phone = page.get(base + "?step=1&lang=en&view=phone").then().statusCode(200).extract().asString();
        assertTrue(phone.contains("class=\"preview-frame preview-phone\""), phone);
        assertTrue(phone.contains("view=phone\" aria-current=\"page\">Phone (390 px)</a>"), phone);
        assertFalse(phone.contains("view=desktop\" aria-current"), "only the current width is marked");
        // Moving to another step or language keeps the phone's width.
        assertTrue(phone.contains(base + "?step=0&amp;lang=en&amp;view=phone\""), phone);
        assertTrue(phone.contains(base + "?step=1&amp;lang=sv&amp;view=phone\""), phone);
        assertTrue(page.get("/static/askel.css").asString().contains(".preview-frame.preview-phone { box-sizing: border-box; width: 394px;"));
        assertTrue(page.get(base + "?view=tablet").asString().contains("preview-frame preview-desktop"), "an unknown width is desktop");
    }

    @Test
    void clients_never_see_drafts() {
        Api.Account author = Authors.author();
        String slug = Api.unique("hidden").replaceAll("[^a-z0-9-]", "-");
        long id = author.as().body(Map.of("slug", slug)).post("/api/v1/authoring/drafts").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Api.Account client = Api.create("CLIENT");
        client.as().get("/api/v1/modules/" + slug).then().statusCode(404);
        client.as().get("/api/v1/modules").then().statusCode(200).body("slug", not(hasItem(slug)));
        Browser page = new Browser().signIn(client.username(), Api.PASSWORD);
        assertEquals(404, page.get("/modules/" + slug).statusCode());
        assertEquals(403, page.get("/authoring/drafts/" + id + "/preview").statusCode());
        client.as().get("/api/v1/authoring/drafts/" + id).then().statusCode(403);
    }

    @Test
    void every_step_type_has_an_editor_form_and_starts_with_nothing_written_wrongly() {
        Api.Account author = Authors.author();
        long id = Authors.newDraft(author);
        Browser page = new Browser().language("en").signIn(author.username(), Api.PASSWORD);
        page.get("/authoring/drafts/" + id);
        int revision = 0;
        for (StepTypes.StepType type : StepTypes.ALL) {
            assertEquals(303, page.post("/authoring/drafts/" + id + "/steps",
                    Map.of("type", type.name(), "revision", String.valueOf(revision++))).statusCode(), type.name());
            String form = page.get("/authoring/drafts/" + id + "/steps/" + (revision - 1)).then().statusCode(200).extract().asString();
            assertTrue(form.contains("name=\"title.sv\""), type.name() + ": " + form);
        }
        // A new step only has gaps (texts to write), nothing written wrongly: saving it as it came is accepted.
        List<Map<String, String>> problems = author.as().get("/api/v1/authoring/drafts/" + id).then().extract().jsonPath()
                .getList("problems");
        problems.forEach(p -> assertTrue(p.get("message").matches(".*(is missing|needs|non-empty).*"), p.toString()));
    }

    /** What an exercise's log asks is ticked in its editor: all six at first, then only what fits a relaxation exercise. */
    @Test
    void an_exercise_asks_only_the_ticked_log_fields_and_an_unknown_one_is_refused_at_the_field() {
        Api.Account author = Authors.author();
        long id = Authors.newDraft(author);
        Browser page = new Browser().language("en").signIn(author.username(), Api.PASSWORD);
        page.get("/authoring/drafts/" + id);
        assertEquals(303, page.post("/authoring/drafts/" + id + "/steps", Map.of("type", "exercise", "revision", "0")).statusCode());
        String step = "/authoring/drafts/" + id + "/steps/0";
        String fresh = page.get(step).then().statusCode(200).extract().asString();
        assertEquals(6, count(fresh, "name=\"log[]\" value=\"") - 1, "six boxes besides the hidden empty one");
        assertEquals(6, fresh.split("name=\"log\\[]\" value=\"[a-z]+\" checked>", -1).length - 1,
                "a new exercise asks everything, as the loader does without log:");

        Map<String, String> form = new HashMap<>(Map.of("revision", "1", "action", "save", "key", "calm-breathing",
                "title.fi", "Rauhallinen hengitys", "body.fi", "Hengitä rauhassa.", "dose.minutes", "5", "dose.daysPerWeek", "7"));
        assertEquals(303, page.post(step, form, Map.of("log[]", List.of("", "minutes", "note"))).statusCode());
        JsonPath saved = author.as().get("/api/v1/authoring/drafts/" + id).then().extract().jsonPath();
        assertEquals(List.of("minutes", "note"), saved.getList("definition.steps[0].log"));
        String edited = page.get(step).asString();
        assertTrue(edited.contains("value=\"minutes\" checked>") && edited.contains("value=\"note\" checked>"), edited);
        assertFalse(edited.contains("value=\"effort\" checked>"), "effort is not asked any more");

        form.put("revision", "2");
        String refused = page.post(step, form, Map.of("log[]", List.of("minutes", "mood"))).then().statusCode(400)
                .extract().asString();
        assertTrue(refused.contains("mood"), "the loader names the unknown field: " + refused);
        assertEquals(List.of("minutes", "note"), author.as().get("/api/v1/authoring/drafts/" + id).then().extract()
                .jsonPath().getList("definition.steps[0].log"), "a refused save changes nothing");
    }

    private static List<String> types(Api.Account author, long id) {
        return author.as().get("/api/v1/authoring/drafts/" + id).then().statusCode(200).extract().jsonPath()
                .getList("definition.steps.type");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
