package fi.askel.content.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A copied module keeps its pictures in the editor: their descriptions are edited, a save without them keeps them. */
@QuarkusTest
class DraftImagesTest {

    @Test
    void an_author_rewrites_a_pictures_description_and_a_save_without_picture_fields_keeps_the_picture() {
        Api.Account author = Authors.author();
        long id = Authors.copyOf(author, "back-and-neck");
        Browser page = new Browser().language("en").signIn(author.username(), Api.PASSWORD);
        String stepPath = "/authoring/drafts/" + id + "/steps/2";
        String editor = page.get(stepPath).then().statusCode(200).extract().asString();
        assertTrue(editor.contains("name=\"images.0.file\" value=\"chin-tuck.svg\""), editor);
        assertTrue(editor.contains("name=\"images.0.alt.sv\""), editor);

        Map<String, String> form = form(author, id);
        form.put("images.0.alt.sv", "1: Huvudet framskjutet. 2: Hakan indragen.");
        assertEquals(303, page.post(stepPath, form).statusCode());
        JsonPath saved = draft(author, id);
        assertEquals("1: Huvudet framskjutet. 2: Hakan indragen.", saved.getString("definition.steps[2].images[0].alt.sv"));
        assertEquals(List.of(), saved.getList("problems"));
        String preview = page.get("/authoring/drafts/" + id + "/preview?step=2&lang=sv").asString();
        assertTrue(preview.contains("alt=\"1: Huvudet framskjutet. 2: Hakan indragen.\""), preview);

        Map<String, String> without = form(author, id);
        without.keySet().removeIf(k -> k.startsWith("images."));
        assertEquals(303, page.post(stepPath, without).statusCode());
        assertEquals("chin-tuck.svg", draft(author, id).getString("definition.steps[2].images[0].file"));
    }

    /** The chin tuck's editor form as the page would send it back unchanged. */
    private static Map<String, String> form(Api.Account author, long id) {
        JsonPath d = draft(author, id);
        String s = "definition.steps[2].";
        Map<String, String> form = new HashMap<>();
        form.put("revision", d.getString("revision"));
        form.put("action", "save");
        form.put("key", d.getString(s + "key"));
        form.put("required", "true");
        for (String dose : List.of("sets", "reps", "minutes", "daysPerWeek")) {
            String v = d.getString(s + "dose." + dose);
            form.put("dose." + dose, v == null ? "" : v);
        }
        for (String lang : List.of("fi", "sv", "en")) {
            form.put("title." + lang, d.getString(s + "title." + lang));
            form.put("body." + lang, d.getString(s + "body." + lang));
            form.put("images.0.alt." + lang, d.getString(s + "images[0].alt." + lang));
        }
        form.put("images.0.file", d.getString(s + "images[0].file"));
        return form;
    }

    private static JsonPath draft(Api.Account author, long id) {
        return author.as().get("/api/v1/authoring/drafts/" + id).then().statusCode(200).extract().jsonPath();
    }
}
