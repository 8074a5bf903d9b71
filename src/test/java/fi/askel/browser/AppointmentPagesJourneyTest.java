package fi.askel.browser;

import fi.askel.common.Dates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import fi.askel.support.Api;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Swedish-speaking specialist books, moves and cancels a video call through the pages, and books a
 * group session; the Finnish client finds the call on their dashboard and downloads it for their
 * calendar. Every page passes axe with nothing refused by the CSP; a refused form keeps what was typed.
 */
@QuarkusTest
class AppointmentPagesJourneyTest extends BrowserJourney {

    private static Api.Account clientOf(Api.Account specialist, String lang) {
        Api.Account client = Api.create("CLIENT", lang);
        Rehab.suitablePeriod(specialist, Map.of("clientId", client.id(), "serviceType", "INDIVIDUAL",
                        "startsOn", Dates.today().minusDays(1).toString(), "endsOn", Dates.today().plusDays(40).toString()));
        return client;
    }

    @Test
    void a_specialist_books_moves_and_cancels_and_the_client_sees_it() throws Exception {
        Api.Account specialist = Api.create("SPECIALIST", "sv");
        Api.Account client = clientOf(specialist, "fi");
        Api.Account second = clientOf(specialist, "sv");
        String clientName = "Test " + client.username();
        LocalDate day = Dates.today().plusDays(3);

        try (BrowserContext sw = chromium.signedIn("sv-FI", specialist.username(), base)) {
            Page s = sw.newPage();
            s.navigate(base + "");
            s.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Videomottagningar").setExact(true)).first().click();
            s.waitForURL(base + "appointments");
            BrowserSupport.assertAccessible(s);

            // Refused: no topic. What was typed stays, the error is tied to its field.
            s.locator("#f-clientId").selectOption(String.valueOf(client.id()));
            s.locator("#f-date").fill(day.toString());
            s.locator("#f-time").fill("14:30");
            s.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Boka mottagningen")).click();
            PlaywrightAssertions.assertThat(s.locator("#f-topic-error")).hasText("Skriv mottagningens ämne.");
            PlaywrightAssertions.assertThat(s.locator("#f-date")).hasValue(day.toString());
            BrowserSupport.assertAccessible(s);

            s.locator("#f-topic").fill("Genomgång av målen");
            s.locator("#f-note").fill("Ta med träningsdagboken.");
            s.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Boka mottagningen")).click();
            PlaywrightAssertions.assertThat(s.locator("[role=status]")).containsText("Mottagningen är bokad.");
            BrowserSupport.assertAccessible(s);
            long id = Long.parseLong(s.url().replaceAll(".*/appointments/(\\d+).*", "$1"));

            s.locator("#f-time").fill("15:00");
            s.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara ändringarna")).click();
            PlaywrightAssertions.assertThat(s.locator("[role=status]")).containsText("Ändringarna har sparats.");
            PlaywrightAssertions.assertThat(s.locator(".facts")).containsText("kl. 15.00–15.45");

            try (BrowserContext cw = chromium.signedIn("fi-FI", client.username(), base)) {
                Page c = cw.newPage();
                c.navigate(base + "");
                PlaywrightAssertions.assertThat(c.locator("#my-appointments + ul")).containsText("Genomgång av målen");
                PlaywrightAssertions.assertThat(c.locator("#my-appointments + ul .when")).containsText(
                        day.getDayOfMonth() + "." + day.getMonthValue() + "." + day.getYear() + " klo 15.00–15.45");
                BrowserSupport.assertAccessible(c);
                c.locator("a[href=\"/appointments/" + id + "\"]").first().click();
                BrowserSupport.assertAccessible(c);
                PlaywrightAssertions.assertThat(c.locator(".facts")).containsText("Ta med träningsdagboken.");
                Download ics = c.waitForDownload(() -> c.getByRole(AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Lisää kalenteriin (.ics)")).click());
                String calendar = Files.readString(ics.path());
                assertTrue(calendar.contains("SUMMARY:Videovastaanotto: Genomgång av målen"), calendar);
                c.navigate(base + "calls/" + id);
                BrowserSupport.assertAccessible(c);
                PlaywrightAssertions.assertThat(c.locator("#join-status")).containsText("Voit kokeilla laitteita jo nyt.");
            }

            s.locator("#f-reason").fill("Jag är sjuk.");
            s.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Avboka mottagningen")).click();
            PlaywrightAssertions.assertThat(s.locator("[role=status]")).containsText("Mottagningen är avbokad.");
            BrowserSupport.assertAccessible(s);
            assertEquals("CANCELLED", client.as().get("/api/v1/appointments/" + id).then().extract().path("status"));

            s.navigate(base + "appointments/group");
            BrowserSupport.assertAccessible(s);
            s.getByLabel(clientName).check();
            s.getByLabel("Test " + second.username()).check();
            s.locator("#f-date").fill(day.plusDays(1).toString());
            s.locator("#f-time").fill("10:00");
            s.locator("#f-topic").fill("Gruppträff");
            s.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Boka gruppmottagningen")).click();
            PlaywrightAssertions.assertThat(s.locator("[role=status]")).containsText("Mottagningen är bokad.");
            PlaywrightAssertions.assertThat(s.locator(".facts")).containsText(clientName);
            BrowserSupport.assertAccessible(s);
        }
    }
}
