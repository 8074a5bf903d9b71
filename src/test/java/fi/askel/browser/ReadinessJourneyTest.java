package fi.askel.browser;

import fi.askel.common.Dates;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import fi.askel.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An admin finds an overdue readiness item on the dashboard, reviews it with the form, and edits the Swedish texts. */
@QuarkusTest
class ReadinessJourneyTest extends BrowserJourney {

    @Test
    void an_admin_reviews_an_overdue_item_and_the_pages_are_accessible() {
        Api.Account admin = Api.create("ADMIN", "fi");
        LocalDate today = Dates.today();
        String title = Api.unique("Laitevakuutus");
        admin.as().body(Map.of("title", title, "ownerId", admin.id(), "lastReviewedOn", today.minusYears(1).toString(),
                        "nextReviewOn", today.minusDays(1).toString()))
                .post("/api/v1/admin/readiness/items").then().statusCode(201);

        try (BrowserContext window = chromium.signedIn("fi-FI", admin.username(), base)) {
            Page page = window.newPage();
            page.navigate(base + "");
            PlaywrightAssertions.assertThat(page.locator("#readiness-overdue")).containsText("myöhässä olevia tarkistuksia");
            BrowserSupport.assertAccessible(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Avaa valmiuslista")).click();
            page.waitForURL(base + "admin/readiness");
            BrowserSupport.assertAccessible(page);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
            BrowserSupport.assertAccessible(page);
            page.getByLabel("Näyttö").fill("Vakuutuskirja tarkistettu");
            page.getByLabel("Tarkistettu viimeksi").fill(today.toString());
            page.getByLabel("Seuraava tarkistus viimeistään").fill(today.plusYears(1).toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tallenna tarkistus")).click();
            PlaywrightAssertions.assertThat(page.locator("[role=status]")).hasText("Tarkistus on tallennettu.");
            PlaywrightAssertions.assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName(title)))
                    .containsText("Kunnossa");

            page.navigate(base + "admin/readiness/texts/sv");
            BrowserSupport.assertAccessible(page);
        }
    }
}
