package fi.askel.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import fi.askel.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A physiotherapist the admin lets author modules writes a short module between two client sessions: details in
 * Finnish and English (Swedish marked missing), a rating step that the checker first refuses, a preview as a client
 * sees it, and a second step moved in front of the first. Every page passes axe.
 */
@QuarkusTest
class ModuleEditorJourneyTest extends BrowserJourney {

    @Test
    void an_author_writes_checks_previews_and_reorders_a_module() {
        Api.Account author = Api.create("SPECIALIST", "en");
        Api.admin().as().body(Map.of("granted", true)).put("/api/v1/users/" + author.id() + "/authoring").then().statusCode(200);
        String slug = Api.unique("neck").replaceAll("[^a-z0-9-]", "-");

        Page.GetByLabelOptions exact = new Page.GetByLabelOptions().setExact(true);
        try (BrowserContext window = chromium.signedIn("en-GB", author.username(), base)) {
            Page page = window.newPage();
            page.navigate(base + "modules");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Module editor")).click();
            BrowserSupport.assertAccessible(page);

            // A zip that is no module is refused next to its upload, which the error summary links to.
            page.getByLabel("Module zip file").setInputFiles(new FilePayload("neck.zip", "application/zip",
                    "not a zip".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            button(page, "Import as a draft").click();
            assertThat(page.locator("#f-zip-error")).containsText("The file is not a zip.");
            assertThat(page.locator(".alert-error a[href='#f-zip']")).isVisible();
            BrowserSupport.assertAccessible(page);

            page.getByLabel("Address name").fill(slug);
            button(page, "Create the draft").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Module draft " + slug);
            BrowserSupport.assertAccessible(page);

            page.locator("#f-title-fi").fill("Niska kuntoon");
            page.locator("#f-title-en").fill("A better neck");
            page.locator("#f-summary-fi").fill("Lyhyt **moduuli** niskalle.");
            // The live preview shows the text as the client will, a moment after typing stops.
            assertThat(page.locator("[data-md-preview-for=f-summary-fi] strong")).hasText("moduuli");
            page.getByLabel("Estimated time in minutes").fill("15");
            page.getByLabel("Back, neck and joints").check();
            button(page, "Save").click();
            assertThat(page.locator(".alert-success")).hasText("Saved.");
            assertThat(page.locator("label[for=f-title-sv] .badge")).hasText("missing");
            BrowserSupport.assertAccessible(page);

            page.getByLabel("New step of type").selectOption("scale");
            button(page, "Add the step").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Step 1: Rate");
            BrowserSupport.assertAccessible(page);

            page.getByLabel("Key", new Page.GetByLabelOptions().setExact(true)).first().fill("neck-pain");
            page.locator("#f-title-fi").fill("Niskakipu nyt");
            page.locator("#f-items-0-label-fi").fill("Kipu");
            page.getByLabel("Lowest value", exact).fill("5");
            page.getByLabel("Highest value", exact).fill("3");
            page.locator("#f-items-0-minLabel-fi").fill("Ei kipua");
            page.locator("#f-items-0-maxLabel-fi").fill("Pahin kipu");
            button(page, "Save").first().click();
            assertThat(page.locator("#form-errors")).containsText("Not saved");
            assertThat(page.locator("#f-items-0-max-error")).containsText("must be greater than min");
            assertThat(page.locator("#f-items-0-label-fi")).hasValue("Kipu");
            BrowserSupport.assertAccessible(page);

            page.getByLabel("Highest value", exact).fill("10");
            button(page, "Save").first().click();
            assertThat(page.locator(".alert-success")).hasText("Saved.");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Preview this step")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Niskakipu nyt");
            assertThat(page.locator(".preview-banner")).containsText("no client is given the module");
            BrowserSupport.assertAccessible(page);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("A better neck")).first().click();
            page.getByLabel("New step of type").selectOption("read");
            button(page, "Add the step").click();

            // A picture for the read step, uploaded with the plain form and described in every language.
            page.getByLabel("Picture file").setInputFiles(new FilePayload("neck.png", "image/png", picture()));
            page.locator("#f-alt-fi").fill("Sininen neliö");
            page.locator("#f-alt-sv").fill("En blå kvadrat");
            page.locator("#f-alt-en").fill("A blue square");
            button(page, "Add the picture").click();
            assertThat(page.locator(".alert-success")).containsText("Picture added.");
            assertThat(page.locator("img.editor-picture")).isVisible();
            assertThat(page.locator("#f-images-0-alt-sv")).hasValue("En blå kvadrat");
            BrowserSupport.assertAccessible(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the module")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move up")).click(); // the only one: the second step's
            assertThat(page.locator(".alert-success")).hasText("Step moved.");
            assertThat(page.locator(".editor-steps > li").first()).containsText("Read");
            BrowserSupport.assertAccessible(page);
        }
    }

    private static byte[] picture() {
        try {
            return fi.askel.content.ImageMetadataTest.ImagePictures.png(12, 8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
