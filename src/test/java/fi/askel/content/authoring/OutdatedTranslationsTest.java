package fi.askel.content.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A translation whose Finnish text changed after it was written is marked, until it is written anew. */
@QuarkusTest
class OutdatedTranslationsTest {

    private static final String BADGE = "<span class=\"badge outdated\">older than the Finnish text</span>";

    @Test
    @SuppressWarnings("unchecked")
    void changing_the_finnish_marks_the_other_languages_until_each_is_written_anew() {
        Api.Account author = Authors.author();
        long id = Authors.complete(author);
        assertEquals(List.of(), outdated(author, id), "a fresh copy has nothing older");

        Map<String, Object> definition = Authors.definition(author, id);
        Map<String, Object> title = (Map<String, Object>) definition.get("title");
        title.put("fi", title.get("fi") + " – uusi");
        Authors.save(author, id, definition).then().statusCode(200);
        assertEquals(List.of("title.en", "title.sv"), outdated(author, id));

        Browser page = new Browser().language("en").signIn(author.username(), Api.PASSWORD);
        String editor = page.get("/authoring/drafts/" + id).then().statusCode(200).extract().asString();
        assertEquals(2, count(editor, BADGE), "sv and en of the title are marked");
        assertTrue(editor.contains("2 translation(s) are older than their Finnish text"), editor);

        // The steps move; a mark of a step's text follows its step.
        List<Map<String, Object>> steps = (List<Map<String, Object>>) definition.get("steps");
        Map<String, Object> stepTitle = (Map<String, Object>) steps.get(1).get("title");
        stepTitle.put("fi", stepTitle.get("fi") + " (muutettu)");
        title.put("sv", title.get("sv") + " – ny");
        Authors.save(author, id, definition).then().statusCode(200);
        assertEquals(List.of("steps.1.title.en", "steps.1.title.sv", "title.en"), outdated(author, id),
                "a new Swedish title clears its mark, the English stays");
        int revision = author.as().get("/api/v1/authoring/drafts/" + id).then().extract().jsonPath().getInt("revision");
        page.get("/authoring/drafts/" + id);
        assertEquals(303, page.post("/authoring/drafts/" + id + "/steps/1/move",
                Map.of("direction", "up", "revision", String.valueOf(revision))).statusCode());
        assertEquals(List.of("steps.0.title.en", "steps.0.title.sv", "title.en"), outdated(author, id));
        String step = page.get("/authoring/drafts/" + id + "/steps/0").then().statusCode(200).extract().asString();
        assertEquals(2, count(step, BADGE), step);
        String moved = page.get("/authoring/drafts/" + id).asString();
        assertTrue(moved.contains("2 translation(s) older than the Finnish text"), "the step list counts them");
    }

    private static List<String> outdated(Api.Account author, long id) {
        JsonPath view = author.as().get("/api/v1/authoring/drafts/" + id).then().statusCode(200).extract().jsonPath();
        return view.getList("outdatedTranslations");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
