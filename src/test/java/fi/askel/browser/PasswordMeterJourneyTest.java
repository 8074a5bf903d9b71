package fi.askel.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import fi.askel.support.Api;
import fi.askel.support.SmtpTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The live password strength meter in a real Chromium, on each form where a password is chosen: typing a weak
 * password, the reason the form would give appears in the live region the field points to; typing a strong one,
 * the region says it is accepted. The page stays accessible and inside the Content-Security-Policy throughout.
 */
@QuarkusTest
class PasswordMeterJourneyTest extends BrowserJourney {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s]+/password-reset/([A-Za-z0-9_-]+)");

    @Test
    void changing_ones_own_password_shows_the_reason_while_typing() {
        Texts t = new Texts("fi");
        Api.Account client = Api.create("CLIENT");
        try (BrowserContext context = chromium.signedIn("fi-FI", client.username(), base)) {
            Page page = context.newPage();
            page.navigate(base + "account");
            Locator field = page.locator("#f-newPassword");
            Locator live = meterOf(page, field);
            field.pressSequentially("Qwerty123456");
            assertThat(live).hasText(t.t("password.weak.common"));
            BrowserSupport.assertAccessible(page);
            field.fill("");
            field.pressSequentially("Quiet-lake-morning-77");
            assertThat(live).hasText(accepted(t));
            BrowserSupport.assertAccessible(page);
        }
    }

    @Test
    void creating_an_account_shows_the_reason_while_typing_in_swedish() {
        Texts t = new Texts("sv");
        Api.Account specialist = Api.create("SPECIALIST", "sv");
        try (BrowserContext context = chromium.signedIn("sv-SE", specialist.username(), base)) {
            Page page = context.newPage();
            page.navigate(base + "users");
            page.locator("#f-username").fill(Api.unique("ny"));
            Locator field = page.locator("#f-password");
            Locator live = meterOf(page, field);
            field.pressSequentially("Qwerty123456");
            assertThat(live).hasText(t.t("password.weak.common"));
            BrowserSupport.assertAccessible(page);
            field.fill("Correct-horse-battery-42");
            assertThat(live).hasText(accepted(t));
        }
    }

    @Test
    void a_reset_link_page_shows_the_meter_before_signing_in() {
        Texts t = new Texts("sv");
        Api.Account client = Api.create("CLIENT", "sv");
        Api.admin().as().post("/api/v1/users/" + client.id() + "/password-reset").then().statusCode(202);
        List<SmtpTestResource.Received> mails = SmtpTestResource.await(client.username() + "@example.org", 1);
        Matcher link = LINK.matcher(mails.get(mails.size() - 1).text());
        org.junit.jupiter.api.Assertions.assertTrue(link.find());
        try (BrowserContext context = chromium.context("sv-SE")) {
            Page page = context.newPage();
            page.navigate(base + "password-reset/" + link.group(1));
            Locator field = page.locator("#f-newPassword");
            Locator live = meterOf(page, field);
            field.pressSequentially("1q2w3e4r5t6y");
            assertThat(live).containsText("för lätt att gissa");
            BrowserSupport.assertAccessible(page);
            field.fill("Quiet-lake-morning-77");
            assertThat(live).hasText(accepted(t));
            BrowserSupport.assertAccessible(page);
        }
    }

    /** What the region says of an accepted password ("good" or "strong"). Escaped by hand: JavaScript has no Pattern.quote. */
    private static Pattern accepted(Texts t) {
        return Pattern.compile(literal(t.t("password.meter.good")) + "|" + literal(t.t("password.meter.strong")));
    }

    private static String literal(String text) {
        return text.replaceAll("([.()\\[\\]?*+^$|{}\\\\])", "\\\\$1");
    }

    /** The polite live region the field names in aria-describedby: what a screen reader reads with the field. */
    private static Locator meterOf(Page page, Locator field) {
        String describedBy = field.getAttribute("aria-describedby");
        org.junit.jupiter.api.Assertions.assertNotNull(describedBy, "the field points to its meter");
        String id = java.util.Arrays.stream(describedBy.split(" ")).filter(s -> s.endsWith("-meter")).findFirst()
                .orElseThrow(() -> new AssertionError("no meter in aria-describedby=" + describedBy));
        Locator live = page.locator("#" + id);
        assertThat(live).hasAttribute("aria-live", "polite");
        assertThat(live).isEmpty();
        return live;
    }
}
