package fi.askel.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fi.askel.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A signed-in specialist visits another site whose page posts a form to Askel behind their back (the
 * classic cross-site request forgery). In a real Chromium the forged request must change nothing: the
 * SameSite=Strict cookies are not sent with it, and it carries no CSRF token either.
 */
@QuarkusTest
class CrossSiteRequestTest extends BrowserJourney {

    @Test
    void a_form_posted_from_another_site_creates_nothing() {
        Api.Account specialist = Api.create("SPECIALIST");
        String victim = Api.unique("forged");
        try (BrowserContext context = chromium.context()) {
            Page page = context.newPage();
            page.navigate(base + "login");
            page.getByLabel("Käyttäjätunnus").fill(specialist.username());
            page.getByLabel("Salasana").fill(Api.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirjaudu")).click();
            page.waitForSelector("input[autocomplete='one-time-code']");
            page.keyboard().type(Api.totp(specialist.username()));
            page.keyboard().press("Enter");
            page.waitForURL(base + "");

            // The attacker's site, served by the browser itself: a form that submits itself to Askel.
            context.route("http://attacker.example/**", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                    .setContentType("text/html").setBody("<!doctype html><html><body>"
                            + "<form id=f method=post action=\"" + base + "users\">"
                            + "<input name=username value=\"" + victim + "\"><input name=displayName value=\"Forged\">"
                            + "<input name=role value=CLIENT><input name=locale value=fi><input name=email value=\"\">"
                            + "<input name=password value=\"" + Api.PASSWORD + "\"></form>"
                            + "<script>document.getElementById('f').submit()</script></body></html>")));
            Page attacker = context.newPage();
            attacker.navigate("http://attacker.example/");
            attacker.waitForURL(url -> url.startsWith(base.toString()));
            attacker.waitForLoadState();
            // Askel did not see a signed-in specialist in that request: it answered as to a stranger.
            // Askel did not see the signed-in specialist in that request (no cookies crossed): it asked for a sign-in.
            assertTrue(attacker.url().startsWith(base + "login"), attacker.url());

            // Nothing was created: the forged account cannot sign in...
            assertEquals(401, Api.loginResponse(victim, Api.PASSWORD).statusCode());
            // ...while the same specialist, on Askel's own page, still can do it (the check is not just broken).
            page.navigate(base + "users");
            assertEquals(base + "users", page.url());
        }
    }
}
