package fi.askel.content.authoring;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.support.Api;
import fi.askel.support.Browser;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole way of a change, in order: edited in the browser, refused at the field, fixed, previewed, sent to review,
 * published by a second specialist; a client given the module afterwards gets the change, one given it before keeps theirs.
 */
@QuarkusTest
class DraftToClientTest {

    @Test
    @SuppressWarnings("unchecked")
    void an_edit_reaches_only_the_clients_given_the_module_after_it_is_published() {
        Api.Account author = Authors.author();
        Api.Account reviewer = Authors.author();
        long first = Authors.complete(author);
        String slug = Authors.slug(author, first);
        Authors.review(author, first, "", null).then().statusCode(200);
        Authors.review(reviewer, first, "/approve", null).then().statusCode(200).body("publishedVersion", equalTo(1));
        Rehab.Team before = Rehab.team();
        long earlier = Rehab.assign(before, slug);

        long id = Authors.copyOf(author, slug);
        Map<String, Object> definition = Authors.definition(author, id);
        Map<String, String> title = (Map<String, String>) definition.get("title");
        Map<String, String> summary = (Map<String, String>) definition.get("summary");
        Browser page = new Browser().language("en").signIn(author.username(), Api.PASSWORD);
        String draft = "/authoring/drafts/" + id;
        page.get(draft).then().statusCode(200);
        Map<String, String> form = new HashMap<>(Map.of("revision", "0", "slug", slug, "title.fi", "Valmiina etäkuntoutukseen",
                "title.sv", title.get("sv"), "title.en", title.get("en"), "summary.fi", summary.get("fi"),
                "summary.sv", summary.get("sv"), "summary.en", summary.get("en"), "estimatedMinutes", "half an hour",
                "themes[]", "preparing"));
        form.put("targetGroups[]", "all");
        String refused = page.post(draft, form).then().statusCode(400).extract().asString();
        assertTrue(refused.contains("aria-invalid=\"true\" aria-describedby=\"f-estimatedMinutes-hint f-estimatedMinutes-error\""),
                refused);
        assertTrue(refused.contains("must be a whole number"), refused);
        assertEquals(title.get("fi"), ((Map<String, String>) Authors.definition(author, id).get("title")).get("fi"),
                "a refused save changes nothing");

        form.put("estimatedMinutes", "35");
        assertEquals(303, page.post(draft, form).statusCode());
        // The Finnish title changed, its translations did not: they are marked, and that warns without stopping anything.
        author.as().get("/api/v1/authoring/drafts/" + id).then().body("outdatedTranslations", hasItem("title.sv"));
        String preview = page.get(draft + "/preview?lang=fi&view=phone").then().statusCode(200).extract().asString();
        assertTrue(preview.contains("Valmiina etäkuntoutukseen"), preview);

        Authors.review(author, id, "", "New title and time").then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        Authors.review(reviewer, id, "/approve", "Fine").then().statusCode(200).body("publishedVersion", equalTo(2));

        Rehab.Team after = Rehab.team();
        long later = Rehab.assign(after, slug);
        after.client().as().get("/api/v1/assignments/" + later).then().statusCode(200).body("moduleVersion", equalTo(2));
        before.client().as().get("/api/v1/assignments/" + earlier).then().statusCode(200).body("moduleVersion", equalTo(1));
        after.client().as().get("/api/v1/modules/" + slug + "?lang=fi").then().statusCode(200)
                .body("title", equalTo("Valmiina etäkuntoutukseen")).body("estimatedMinutes", equalTo(35));
    }
}
