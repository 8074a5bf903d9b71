package fi.askel.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fi.askel.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two physiotherapists who author modules: one sends a finished draft to review and sees it locked, the other reads
 * it (with what it changes in the module it copies), approves it, and the module's history lists the version with who
 * approved it. Every page passes axe.
 */
@QuarkusTest
class ModuleReviewJourneyTest extends BrowserJourney {

    @Test
    void an_author_sends_a_draft_to_review_and_a_colleague_publishes_it() {
        Api.Account author = author();
        Api.Account reviewer = author();
        long id = author.as().body(Map.of("copyOf", "getting-ready")).post("/api/v1/authoring/drafts").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Map<String, Object> definition = author.as().get("/api/v1/authoring/drafts/" + id).then().extract().jsonPath().getMap("definition");
        String slug = Api.unique("ready").toLowerCase().replaceAll("[^a-z0-9-]", "-");
        definition.put("slug", slug);
        @SuppressWarnings("unchecked")
        Map<String, Object> title = (Map<String, Object>) definition.get("title");
        title.put("en", title.get("en") + " today"); // the review page shows this change against getting-ready
        author.as().body(Map.of("revision", 0, "definition", definition)).put("/api/v1/authoring/drafts/" + id).then().statusCode(200);

        try (BrowserContext window = chromium.signedIn("en-GB", author.username(), base)) {
            Page page = window.newPage();
            page.navigate(base + "authoring/drafts/" + id);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Review and publishing"))).isVisible();
            BrowserSupport.assertAccessible(page);
            page.getByLabel("Note for the reviewer (optional)").fill("The Finnish texts are checked.");
            button(page, "Send to review").click();
            assertThat(page.locator(".alert-success")).hasText("Sent to review.");
            assertThat(page.locator("#review")).containsText("You made the latest change");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))).hasCount(0);
            BrowserSupport.assertAccessible(page);
        }
        try (BrowserContext window = chromium.signedIn("en-GB", reviewer.username(), base)) {
            Page page = window.newPage();
            page.navigate(base + "authoring/drafts/" + id);
            assertThat(page.locator(".review-log")).containsText("The Finnish texts are checked.");
            BrowserSupport.assertAccessible(page);
            button(page, "Approve and publish").click();
            assertThat(page.locator(".alert-success")).hasText("Approved and published.");
            assertThat(page.locator("#review")).containsText("Published as version 1");
            assertThat(page.locator(".version-history")).containsText("published by Test " + reviewer.username());
            BrowserSupport.assertAccessible(page);

            assertThat(page.locator("#changes ins")).containsText("today");
            page.navigate(base + "modules/" + slug);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
            page.getByText("History and changes of this module").click();
            assertThat(page.locator(".version-list")).containsText("Test " + reviewer.username());
            BrowserSupport.assertAccessible(page);
        }
    }

    private static Api.Account author() {
        Api.Account specialist = Api.create("SPECIALIST", "en");
        Api.admin().as().body(Map.of("granted", true)).put("/api/v1/users/" + specialist.id() + "/authoring").then().statusCode(200);
        return specialist;
    }
}
