package fi.askel.content.authoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The editor's live preview renders a text exactly as the client's page does, safely, for authors only. */
@QuarkusTest
class MarkdownPreviewTest {

    private static final String PREVIEW = "/api/v1/authoring/markdown-preview";

    @Test
    void a_text_is_rendered_as_the_client_sees_it_with_nothing_that_runs() {
        Api.Account author = Authors.author();
        String html = author.as().body(Map.of("markdown", "Hello <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n"
                + "[link](javascript:alert(1)) **strong**")).post(PREVIEW).then().statusCode(200).extract().path("html");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.matches("(?s).*<[^>]*onerror.*"), "no element carries an event handler: " + html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(html.contains("<strong>strong</strong>") && html.contains("rel=\"nofollow noopener noreferrer\""), html);

        // A shipped step's text comes back as the same HTML the client's step page (here the draft preview) shows.
        long id = Authors.copyOf(author, "back-and-neck");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) Authors.definition(author, id).get("steps");
        int index = steps.stream().map(s -> s.get("key")).toList().indexOf("chin-tuck");
        @SuppressWarnings("unchecked")
        String text = ((Map<String, String>) steps.get(index).get("body")).get("en");
        String rendered = author.as().body(Map.of("markdown", text)).post(PREVIEW).then().statusCode(200).extract().path("html");
        Browser page = new Browser().language("en").signIn(author.username(), Api.PASSWORD);
        String client = page.get("/authoring/drafts/" + id + "/preview?step=" + index + "&lang=en").then().statusCode(200)
                .extract().asString();
        assertTrue(rendered.length() > 50 && client.contains(rendered), rendered);

        // The editor's Markdown fields carry a preview region the script fills (hidden without it), not a live region.
        String form = page.get("/authoring/drafts/" + id + "/steps/" + index).then().statusCode(200).extract().asString();
        assertTrue(form.contains("<script src=\"/static/markdown-preview.js\" defer></script>"), form);
        assertTrue(form.contains("data-md-preview-for=\"f-body-sv\""), form);
        assertFalse(form.contains("aria-live"), "typing is not interrupted by announcements");
        assertTrue(page.get("/static/markdown-preview.js").statusCode() == 200);
    }

    @Test
    void only_authors_preview_and_a_text_must_be_given_and_not_too_long() {
        Api.Account author = Authors.author();
        author.as().body(Map.of()).post(PREVIEW).then().statusCode(400).body("violations.field", hasItem("markdown"));
        author.as().body(Map.of("markdown", "x".repeat(MarkdownPreviewResource.MAX_LENGTH + 1))).post(PREVIEW).then()
                .statusCode(400).body("violations.field", hasItem("markdown"));
        for (Api.Account stranger : new Api.Account[] {Api.create("SPECIALIST"), Api.create("CLIENT"), Api.admin()}) {
            stranger.as().body(Map.of("markdown", "*hi*")).post(PREVIEW).then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(Map.of("markdown", "*hi*")).post(PREVIEW).then().statusCode(401);
        author.as().body(Map.of("markdown", "*hi*")).post(PREVIEW).then().statusCode(200)
                .body("html", equalTo("<p><em>hi</em></p>\n"));
    }
}
