package fi.askel.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fi.askel.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Staff in a real browser: setting up two-step verification on first sign-in, then signing in with a code. */
@QuarkusTest
class StaffSignInJourneyTest extends BrowserJourney {

    private BrowserContext english() {
        return chromium.context("en-GB");
    }

    private void password(Page page, String username) {
        page.navigate(base + "login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(Api.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    @Test
    void a_new_specialist_sets_up_the_app_and_keeps_the_recovery_codes() {
        String username = Api.unique("spec");
        Api.admin().as().body(Map.of("username", username, "displayName", "Test " + username, "role", "SPECIALIST",
                "locale", "en", "password", Api.PASSWORD)).post("/api/v1/users").then().statusCode(201);
        try (BrowserContext context = english()) {
            Page page = context.newPage();
            password(page, username);
            page.waitForURL(base + "account/two-factor");
            BrowserSupport.assertAccessible(page);
            String key = page.locator(".secret-key code").textContent().replace(" ", "");
            Api.rememberTotp(username, key);
            page.getByLabel("Six-digit code").fill(Api.totp(username));
            page.keyboard().press("Enter");
            page.waitForSelector(".recovery-codes");
            BrowserSupport.assertAccessible(page);
            assertEquals(10, page.locator(".recovery-codes li").count());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("I have saved my codes – continue")).click();
            page.waitForURL(base + "");
            page.navigate(base + "clients");
            assertTrue(page.url().endsWith("/clients"), page.url());
        }
    }

    @Test
    void signing_in_asks_for_the_code_on_a_second_page_without_the_password() {
        Api.Account specialist = Api.create("SPECIALIST", "en");
        try (BrowserContext context = english()) {
            Page page = context.newPage();
            password(page, specialist.username());
            page.waitForSelector("input[autocomplete='one-time-code']");
            BrowserSupport.assertAccessible(page);
            assertEquals(0, page.locator("input[type=password]").count());
            // The code field has focus and takes the code from the keyboard.
            page.keyboard().type(Api.totp(specialist.username()));
            page.keyboard().press("Enter");
            page.waitForURL(base + "");
            page.navigate(base + "account");
            BrowserSupport.assertAccessible(page);
        }
    }
}
