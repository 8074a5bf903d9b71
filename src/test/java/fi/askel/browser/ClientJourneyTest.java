package fi.askel.browser;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import fi.askel.support.Api;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A client in a real browser: signing in, finding the exercise, typing, losing the connection, keyboard use. */
@QuarkusTest
class ClientJourneyTest extends BrowserJourney {

    private Page signIn(BrowserContext context, Api.Account account) {
        Page page = context.newPage();
        page.navigate(base + "login");
        BrowserSupport.assertAccessible(page);
        page.getByLabel("Käyttäjätunnus").fill(account.username());
        page.getByLabel("Salasana").fill(Api.PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Kirjaudu")).click();
        page.waitForURL(base + "");
        return page;
    }

    @Test
    void typed_answers_are_saved_on_their_own_and_survive_a_lost_connection() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "sleep-and-recovery");
        String key = team.client().as().get("/api/v1/modules/sleep-and-recovery").then().extract().jsonPath()
                .getString("steps.find { it.type == 'reflection' }.key");
        try (BrowserContext context = chromium.context()) {
            Page page = signIn(context, team.client());
            BrowserSupport.assertAccessible(page);
            page.locator("a[href=\"/assignments/" + id + "\"]").first().click();
            BrowserSupport.assertAccessible(page);
            page.navigate(base + "assignments/" + id + "/steps/" + key);
            BrowserSupport.assertAccessible(page);
            page.locator("textarea[name=text]").fill("Menen nukkumaan samaan aikaan");
            PlaywrightAssertions.assertThat(page.locator("[data-autosave-status]")).hasText("Vastauksesi on tallennettu.");
            team.client().as().get("/api/v1/assignments/" + id).then()
                    .body("steps.find { it.key == '" + key + "' }.answer.text", equalTo("Menen nukkumaan samaan aikaan"));

            context.setOffline(true);
            page.locator("textarea[name=text]").fill("Menen nukkumaan samaan aikaan ja luen ennen sitä");
            PlaywrightAssertions.assertThat(page.locator("[data-autosave-status]"))
                    .hasText("Ei yhteyttä. Vastauksesi säilyy tällä laitteella ja lähtee, kun yhteys palaa.");
            context.setOffline(false);
            page.evaluate("window.dispatchEvent(new Event('online'))");
            PlaywrightAssertions.assertThat(page.locator("[data-autosave-status]")).hasText("Vastauksesi on tallennettu.");
            team.client().as().get("/api/v1/assignments/" + id).then()
                    .body("steps.find { it.key == '" + key + "' }.answer.text",
                            equalTo("Menen nukkumaan samaan aikaan ja luen ennen sitä"));
        }
    }

    @Test
    void a_draft_kept_in_the_browser_is_put_back_after_the_page_is_reopened() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "sleep-and-recovery");
        String key = team.client().as().get("/api/v1/modules/sleep-and-recovery").then().extract().jsonPath()
                .getString("steps.find { it.type == 'reflection' }.key");
        try (BrowserContext context = chromium.context()) {
            Page page = signIn(context, team.client());
            page.navigate(base + "assignments/" + id + "/steps/" + key);
            context.setOffline(true);
            page.locator("textarea[name=text]").fill("Kirjoitin tämän junassa");
            // Kept on this device (autosave.js's localStorage) before the tab goes.
            page.waitForFunction("() => (localStorage.getItem(document.querySelector('form[data-autosave=on]').dataset.key)"
                    + " || '').includes('junassa')");
            // The tab is closed before anything reached the server; the text is still on this device.
            page.close();
            context.setOffline(false);
            Page again = context.newPage();
            again.navigate(base + "assignments/" + id + "/steps/" + key);
            PlaywrightAssertions.assertThat(again.locator("textarea[name=text]")).hasValue("Kirjoitin tämän junassa");
            // Whether the closing tab's last request or the reopened page delivers it, the server gets it.
            String saved = null;
            for (int i = 0; i < 100 && !"Kirjoitin tämän junassa".equals(saved); i++) {
                again.waitForTimeout(100);
                saved = team.client().as().get("/api/v1/assignments/" + id).then().extract().jsonPath()
                        .getString("steps.find { it.key == '" + key + "' }.answer.text");
            }
            assertEquals("Kirjoitin tämän junassa", saved);
        }
    }

    @Test
    void the_pages_work_with_the_keyboard_and_pass_accessibility_checks() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "living-with-pain");
        try (BrowserContext context = chromium.context()) {
            Page page = signIn(context, team.client());
            page.keyboard().press("Tab");
            assertEquals("Siirry sisältöön", page.evaluate("document.activeElement.textContent").toString().trim());
            page.keyboard().press("Enter");
            assertEquals("main", page.evaluate("document.activeElement.id"));
            for (String path : new String[] {"modules", "modules/back-and-neck", "assignments/" + id,
                    "assignments/" + id + "/steps/pain-today", "assignments/" + id + "/steps/gentle-movement",
                    "help/emergency", "help/support", "help/accessibility", "help/accessibility?lang=sv"}) {
                page.navigate(base + path);
                BrowserSupport.assertAccessible(page);
            }
            // A scale answered with the keyboard only.
            page.navigate(base + "assignments/" + id + "/steps/pain-today");
            page.locator("input[name='v.pain-now'][value='3']").focus();
            page.keyboard().press("Space");
            assertTrue((Boolean) page.evaluate("document.querySelector(\"input[name='v.pain-now'][value='3']\").checked"));
        }
    }

    @Test
    void a_client_signs_in_and_answers_an_exercise_with_the_keyboard_alone() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "sleep-and-recovery");
        String key = team.client().as().get("/api/v1/modules/sleep-and-recovery").then().extract().jsonPath()
                .getString("steps.find { it.type == 'reflection' }.key");
        String answer = "Sammutan puhelimen tuntia ennen nukkumaanmenoa";
        try (BrowserContext context = chromium.context()) {
            Page page = context.newPage();
            page.navigate(base + "login");
            // The first Tab reaches the skip link, shown on focus; Enter takes the focus past the header.
            BrowserSupport.tabTo(page, "a.skip-link");
            assertEquals("Siirry sisältöön", page.evaluate("document.activeElement.textContent").toString().trim());
            PlaywrightAssertions.assertThat(page.locator("a.skip-link")).isInViewport();
            page.keyboard().press("Enter");
            assertEquals("main", page.evaluate("document.activeElement.id"));

            BrowserSupport.tabTo(page, "#f-username");
            page.keyboard().type(team.client().username());
            BrowserSupport.tabTo(page, "#f-password");
            page.keyboard().type(Api.PASSWORD);
            page.keyboard().press("Enter");
            page.waitForURL(base + "");

            BrowserSupport.tabTo(page, "main a[href='/assignments/" + id + "']");
            page.keyboard().press("Enter");
            page.waitForURL(base + "assignments/" + id);
            BrowserSupport.tabTo(page, "main a[href='/assignments/" + id + "/steps/" + key + "']");
            page.keyboard().press("Enter");
            page.waitForURL(base + "assignments/" + id + "/steps/" + key);

            BrowserSupport.tabTo(page, "textarea[name=text]");
            page.keyboard().type(answer);
            BrowserSupport.tabTo(page, "button[value=draft]");
            page.keyboard().press("Enter");
            page.waitForURL(url -> url.contains("saved=1"));
            PlaywrightAssertions.assertThat(page.locator("textarea[name=text]")).hasValue(answer);
            BrowserSupport.assertAccessible(page);
            team.client().as().get("/api/v1/assignments/" + id).then()
                    .body("steps.find { it.key == '" + key + "' }.answer.text", equalTo(answer));

            // Who has handled the client's data, with the times written the Finnish way.
            page.navigate(base + "access-log");
            BrowserSupport.assertAccessible(page);
            PlaywrightAssertions.assertThat(page.locator("main table tbody time").first()).hasText(new Texts("fi").dateTime());
        }
    }
}
