package fi.askel.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fi.askel.support.Api;
import fi.askel.support.Rehab;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The idle sign-out warning in a real Chromium, with the page's clock moved forward (Playwright's clock):
 * a minute before a client's hour is up a notice takes the focus, says why in Finnish and offers to stay;
 * staying counts as activity on the server; left alone, the page says the sign-in has ended and offers to
 * sign in again. Keyboard and screen-reader users get the same: a focused alert dialog, Escape stays.
 */
@QuarkusTest
class IdleWarningJourneyTest extends BrowserJourney {

    @Test
    void a_minute_before_the_end_the_page_warns_and_staying_keeps_the_sign_in() {
        Api.Account client = Api.create("CLIENT");
        try (BrowserContext context = chromium.signedIn("fi-FI", client.username(), base)) {
            Page page = context.newPage();
            page.clock().install();
            page.navigate(base.toString());
            Locator warning = page.locator(".idle-warning");
            assertThat(warning).isHidden();

            page.clock().fastForward("58:00");
            assertThat(warning).isHidden();
            page.clock().fastForward("01:30");
            assertThat(page.getByRole(AriaRole.ALERTDIALOG)).isVisible();
            assertThat(page.getByRole(AriaRole.ALERTDIALOG)).containsText("kirjataan ulos minuutin kuluttua");
            Locator stay = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pysy kirjautuneena"));
            assertThat(stay).isFocused();
            BrowserSupport.assertAccessible(page);

            page.keyboard().press("Enter");
            assertThat(warning).isHidden();
            // A fresh hour from now: nothing at half an hour, the warning again just before its end.
            page.clock().fastForward("30:00");
            assertThat(warning).isHidden();
            page.clock().fastForward("29:30");
            assertThat(page.getByRole(AriaRole.ALERTDIALOG)).isVisible();

            // Left alone: the page says the sign-in ended and offers to sign in again, back to this page.
            page.clock().fastForward("01:00");
            Locator signIn = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kirjaudu uudelleen"));
            assertThat(signIn).isVisible();
            assertThat(signIn).isFocused();
            assertThat(page.getByRole(AriaRole.ALERTDIALOG)).containsText("Sinut on kirjattu ulos");
            assertThat(stay).isHidden();
        }
    }

    @Inject
    EntityManager em;

    /** The review asked for idle sign-out that keeps autosaved work: the draft stays on the device and comes back. */
    @Test
    void an_answer_typed_after_an_idle_sign_out_is_kept_and_sent_after_signing_in_again() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "sleep-and-recovery");
        String key = team.client().as().get("/api/v1/modules/sleep-and-recovery").then().extract().jsonPath()
                .getString("steps.find { it.type == 'reflection' }.key");
        try (BrowserContext context = chromium.signedIn("fi-FI", team.client().username(), base)) {
            Page page = context.newPage();
            page.navigate(base + "assignments/" + id + "/steps/" + key);
            Locator status = page.locator("[data-autosave-status]");
            page.locator("textarea[name=text]").fill("Ennen taukoa");
            assertThat(status).hasText("Vastauksesi on tallennettu.");

            // An hour and a minute without a request: the sign-in has ended on the server.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "UPDATE auth_session SET last_used_at = ?1 WHERE user_id = ?2 AND revoked_at IS NULL")
                    .setParameter(1, Timestamp.from(Instant.now().minus(Duration.ofMinutes(61))))
                    .setParameter(2, team.client().id()).executeUpdate());
            page.locator("textarea[name=text]").fill("Tauon jälkeen kirjoitettu");
            assertThat(status).hasText(
                    "Kirjautumisesi on päättynyt. Vastauksesi säilyy tällä laitteella; kirjaudu uudelleen lähettääksesi sen.");
            BrowserSupport.assertAccessible(page);

            // Signing in again and reopening the step puts the draft back and sends it.
            page.navigate(base + "assignments/" + id + "/steps/" + key);
            page.getByLabel("Käyttäjätunnus").fill(team.client().username());
            page.getByLabel("Salasana").fill(Api.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirjaudu")).click();
            page.waitForURL(url -> url.contains("/steps/" + key));
            assertThat(page.locator("textarea[name=text]")).hasValue("Tauon jälkeen kirjoitettu");
            assertThat(page.locator("[data-autosave-status]")).hasText("Vastauksesi on tallennettu.");
            // (The fixture's own API sign-in went idle too: a new one reads what the server holds.)
            io.restassured.RestAssured.given().auth().oauth2(Api.login(team.client().username(), Api.PASSWORD))
                    .get("/api/v1/assignments/" + id).then().statusCode(200)
                    .body("steps.find { it.key == '" + key + "' }.answer.text", equalTo("Tauon jälkeen kirjoitettu"));
        }
    }
}
