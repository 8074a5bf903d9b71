package fi.askel.content.authoring;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A draft goes to review, a second author publishes it, and only clients given the module afterwards get the new version. */
@QuarkusTest
class DraftReviewTest {

    @Test
    void a_second_author_publishes_and_clients_assigned_before_keep_their_version() {
        Api.Account author = Authors.author();
        Api.Account reviewer = Authors.author();
        long first = Authors.complete(author);
        String slug = Authors.slug(author, first);
        Api.Account client = Api.create("CLIENT");
        client.as().get("/api/v1/modules/" + slug).then().statusCode(404);

        Authors.review(author, first, "", "Ready, please check").then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        // In review the draft is what the reviewer reads: no one changes it.
        Authors.save(author, first, Authors.definition(author, first)).then().statusCode(409)
                .body("detail", containsString("in review"));
        // Whoever made the latest change does not approve it.
        Authors.review(author, first, "/approve", null).then().statusCode(409)
                .body("detail", containsString("another specialist"));
        JsonPath published = Authors.review(reviewer, first, "/approve", "Looks good").then().statusCode(200).extract().jsonPath();
        assertEquals("PUBLISHED", published.getString("status"));
        assertEquals(1, published.getInt("publishedVersion"));
        assertEquals(List.of("SENT", "APPROVED"), published.getList("comments.kind"));
        assertEquals("Ready, please check", published.getString("comments[0].body"));
        assertEquals("Test " + reviewer.username(), published.getString("comments[1].author"));
        assertEquals("Test " + reviewer.username(), published.getString("versions[0].publishedBy"));
        Authors.review(reviewer, first, "/approve", null).then().statusCode(409);
        Authors.save(author, first, Authors.definition(author, first)).then().statusCode(409)
                .body("detail", containsString("version 1"));

        client.as().get("/api/v1/modules").then().statusCode(200).body("slug", hasItem(slug));
        client.as().get("/api/v1/modules/" + slug).then().statusCode(200).body("version", equalTo(1));
        Rehab.Team before = Rehab.team();
        long earlier = Rehab.assign(before, slug);

        // The published module is copied into its next version, made longer, and published again.
        long second = Authors.copyOf(author, slug);
        long stale = Authors.copyOf(author, slug);
        Map<String, Object> definition = Authors.definition(author, second);
        assertEquals(slug, definition.get("slug"), "the copy is of the version published in the browser");
        definition.put("estimatedMinutes", "45");
        Authors.save(author, second, definition).then().statusCode(200);
        Authors.review(author, second, "", null).then().statusCode(200);
        JsonPath again = Authors.review(reviewer, second, "/approve", null).then().statusCode(200).extract().jsonPath();
        assertEquals(2, again.getInt("publishedVersion"));
        assertEquals(List.of(2, 1), again.getList("versions.version"));
        assertEquals(List.of(true, false), again.getList("versions.current"));
        // A second copy of version 1 would undo version 2's change: it is not sent to review, and the author is told why.
        Authors.review(author, stale, "", null).then().statusCode(422)
                .body(containsString("Version 2 of this module was published after this draft was copied from version 1"));

        client.as().get("/api/v1/modules/" + slug).then().body("version", equalTo(2)).body("estimatedMinutes", equalTo(45));
        Rehab.Team after = Rehab.team();
        long later = Rehab.assign(after, slug);
        after.client().as().get("/api/v1/assignments/" + later).then().statusCode(200).body("moduleVersion", equalTo(2));
        before.client().as().get("/api/v1/assignments/" + earlier).then().statusCode(200).body("moduleVersion", equalTo(1));
    }

    @Test
    void a_draft_without_its_swedish_text_cannot_be_sent_to_review_and_is_told_so_in_the_authors_language() {
        Api.Account author = Api.create("SPECIALIST", "fi");
        Authors.grant(author, true);
        long id = Authors.complete(author);
        Map<String, Object> definition = Authors.definition(author, id);
        @SuppressWarnings("unchecked")
        Map<String, Object> title = (Map<String, Object>) definition.get("title");
        title.put("sv", "");
        Authors.save(author, id, definition).then().statusCode(200).body("missingTranslations", hasItem("title.sv"));

        Authors.review(author, id, "", null).then().statusCode(422)
                .body("violations.field", hasItem("definition.title.sv"))
                .body("violations.find { it.field == 'definition.title.sv' }.message", equalTo("ruotsinkielinen teksti puuttuu"));
        author.as().get("/api/v1/authoring/drafts/" + id).then().body("status", equalTo("DRAFT"));
        Authors.review(author, id, "", null).then().statusCode(422);
        author.as().get("/api/v1/authoring/drafts/" + id + "/review").then().statusCode(200).body("comments", equalTo(List.of()));
    }

    @Test
    void a_reviewer_sends_a_draft_back_with_a_comment_and_the_author_edits_it_again() {
        Api.Account author = Authors.author();
        Api.Account reviewer = Authors.author();
        long id = Authors.complete(author);
        Authors.review(author, id, "", null).then().statusCode(200);

        Authors.review(reviewer, id, "/return", "  ").then().statusCode(400).body("violations.field", hasItem("comment"));
        author.as().get("/api/v1/authoring/drafts/" + id).then().body("status", equalTo("IN_REVIEW"));
        JsonPath back = Authors.review(reviewer, id, "/return", "Shorten the first step").then().statusCode(200).extract().jsonPath();
        assertEquals("DRAFT", back.getString("status"));
        assertEquals("Shorten the first step", back.getString("comments.find { it.kind == 'RETURNED' }.body"));
        assertTrue(back.getBoolean("canSend"));

        Map<String, Object> definition = Authors.definition(author, id);
        definition.put("estimatedMinutes", "25");
        Authors.save(author, id, definition).then().statusCode(200);
        // Now the reviewer's own change is the latest: the first author may approve it once it is back in review.
        Authors.save(reviewer, id, Authors.definition(reviewer, id)).then().statusCode(200);
        Authors.review(reviewer, id, "", null).then().statusCode(200);
        Authors.review(reviewer, id, "/approve", null).then().statusCode(409);
        Authors.review(author, id, "/approve", null).then().statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    @Test
    void the_draft_page_names_what_is_missing_and_locks_the_forms_in_review() {
        Api.Account author = Authors.author();
        long id = Authors.complete(author);
        Map<String, Object> definition = Authors.definition(author, id);
        @SuppressWarnings("unchecked")
        Map<String, Object> title = (Map<String, Object>) definition.get("title");
        String swedish = (String) title.put("sv", "");
        Authors.save(author, id, definition).then().statusCode(200);
        Browser page = new Browser().language("en").signIn(author.username(), Api.PASSWORD);
        String draft = "/authoring/drafts/" + id;
        assertTrue(page.get(draft).asString().contains("Send to review"));

        String refused = page.post(draft + "/review", Map.of("comment", "")).then().statusCode(422).extract().asString();
        assertTrue(refused.contains("Title: the Swedish text is missing"), refused);
        assertTrue(refused.contains("Status: Draft"), refused);

        title.put("sv", swedish);
        Authors.save(author, id, definition).then().statusCode(200);
        assertEquals(303, page.post(draft + "/review", Map.of("comment", "Please read")).statusCode());
        String locked = page.get(draft + "?done=sent").asString();
        assertTrue(locked.contains("Sent to review.") && locked.contains("Please read"), locked);
        assertTrue(locked.contains("<fieldset class=\"editor-lock\" disabled>"), "the fields are for reading");
        assertTrue(!locked.contains("Approve and publish"), "the author does not approve their own change");
        int revision = author.as().get("/api/v1/authoring/drafts/" + id).then().extract().jsonPath().getInt("revision");
        String saved = page.post(draft, Map.of("revision", String.valueOf(revision), "slug", "x")).then().statusCode(409)
                .extract().asString();
        assertTrue(saved.contains("in review and cannot be changed"), saved);
        String own = page.post(draft + "/review/approve", Map.of("comment", "")).then().statusCode(409).extract().asString();
        assertTrue(own.contains("You made the latest change to this draft"), own);
    }

    @Test
    void only_authors_review_and_other_peoples_drafts_stay_as_they_were() {
        Api.Account author = Authors.author();
        long id = Authors.complete(author);
        Api.Account specialist = Api.create("SPECIALIST");
        Authors.review(specialist, id, "", null).then().statusCode(403);
        Authors.review(Api.admin(), id, "", null).then().statusCode(403);
        Authors.review(Api.create("CLIENT"), id, "", null).then().statusCode(403);
        Authors.review(author, 999_999_999L, "", null).then().statusCode(404);
        author.as().get("/api/v1/authoring/drafts/" + id).then().body("status", equalTo("DRAFT"))
                .body("status", not(equalTo("IN_REVIEW")));
    }
}
