package fi.askel.browser;

import fi.askel.common.Dates;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import fi.askel.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Finnish specialist assesses with a Swedish-speaking client whether remote rehabilitation suits them,
 * through the form on the client's page; the client reads the assessment on their own page. axe and the
 * CSP on every page, fi and sv.
 */
@QuarkusTest
class SuitabilityJourneyTest extends BrowserJourney {

    @Test
    void the_specialist_records_the_assessment_and_the_client_reads_it() {
        Api.Account specialist = Api.create("SPECIALIST", "fi");
        Api.Account client = Api.create("CLIENT", "sv");
        long periodId = specialist.as().body(Map.of("clientId", client.id(), "serviceType", "INDIVIDUAL",
                        "startsOn", Dates.today().minusDays(1).toString(), "endsOn", Dates.today().plusDays(40).toString()))
                .post("/api/v1/periods").then().statusCode(201).extract().jsonPath().getLong("id");

        try (BrowserContext sw = chromium.signedIn("fi-FI", specialist.username(), base)) {
            Page s = sw.newPage();
            s.navigate(base + "clients/" + client.id());
            s.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Arvioi soveltuvuus")).first().click();
            s.waitForURL(base + "clients/" + client.id() + "/periods/" + periodId + "/suitability");
            BrowserSupport.assertAccessible(s);
            // Refused: nothing chosen. The errors are named and tied to their questions.
            s.locator("form button[type=submit].primary").click();
            PlaywrightAssertions.assertThat(s.locator("#f-decision-error")).isVisible();
            BrowserSupport.assertAccessible(s);

            s.locator("#f-testCall-YES").check();
            s.locator("#f-privateSpace-YES").check();
            s.locator("#f-digitalSkills-INDEPENDENT").check();
            s.locator("#f-handsOnNeeded-false").check();
            s.locator("#f-clientWish-WANTS_REMOTE").check();
            s.locator("#f-interpreterNeeded-false").check();
            s.locator("#f-clientConsented-true").check();
            s.locator("#f-decision-SUITABLE").check();
            s.locator("form button[type=submit].primary").click();
            PlaywrightAssertions.assertThat(s.locator("main")).containsText("Arvio on tallennettu.");
            BrowserSupport.assertAccessible(s);
        }
        try (BrowserContext cw = chromium.signedIn("sv-FI", client.username(), base)) {
            Page c = cw.newPage();
            c.navigate(base + "");
            c.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Passar distansrehabilitering mig? Se bedömningen")).click();
            c.waitForURL(base + "me/suitability");
            PlaywrightAssertions.assertThat(c.locator("main")).containsText("Passar");
            BrowserSupport.assertAccessible(c);
        }
    }
}
