package fi.askel.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import fi.askel.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A new client in a real browser: the privacy notice comes first, then My privacy; both pass axe-core. */
@QuarkusTest
class PrivacyJourneyTest extends BrowserJourney {

    @Test
    void a_new_client_acknowledges_the_notice_by_keyboard_and_manages_consents() {
        String username = Api.unique("uusi");
        Api.admin().as().body(Map.of("username", username, "displayName", "Uusi Asiakas", "role", "CLIENT", "locale", "fi",
                "password", Api.PASSWORD)).post("/api/v1/users").then().statusCode(201);
        try (BrowserContext context = chromium.context()) {
            Page page = context.newPage();
            page.navigate(base + "login");
            page.getByLabel("Käyttäjätunnus").fill(username);
            page.getByLabel("Salasana").fill(Api.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirjaudu")).click();
            page.waitForURL(Pattern.compile(".*/privacy/notice.*"));
            BrowserSupport.assertAccessible(page);
            PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Tietosuojaseloste");

            page.getByLabel("Olen lukenut tietosuojaselosteen").focus();
            page.keyboard().press("Space");
            page.getByLabel("Annan suostumukseni etäkuntoutukseen osallistumiseen.").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vahvista ja jatka")).press("Enter");
            page.waitForURL(base + "");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Oma tietosuoja")).click();
            page.waitForURL(base + "me/privacy");
            BrowserSupport.assertAccessible(page);
            page.locator("#consent-kela").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName("Anna suostumus")).click();
            PlaywrightAssertions.assertThat(page.locator("#consent-kela [role=status]")).hasText("Valintasi on tallennettu.");
            PlaywrightAssertions.assertThat(page.locator("#consent-kela")).containsText("Annettu");
            BrowserSupport.assertAccessible(page);
        }
    }

    @Test
    void the_admins_privacy_page_is_accessible() {
        try (BrowserContext context = chromium.context()) {
            Api.admin(); // the bootstrap admin has set up two-step verification
            Page page = context.newPage();
            page.navigate(base + "login");
            page.getByLabel("Käyttäjätunnus").fill(Api.ADMIN);
            page.getByLabel("Salasana").fill(Api.ADMIN_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirjaudu")).click();
            page.waitForSelector("input[autocomplete='one-time-code']");
            page.keyboard().type(Api.totp(Api.ADMIN));
            page.keyboard().press("Enter");
            page.waitForURL(base + "");
            page.navigate(base + "admin/privacy");
            BrowserSupport.assertAccessible(page);
        }
    }
}
