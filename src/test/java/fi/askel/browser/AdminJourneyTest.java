package fi.askel.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import fi.askel.support.Api;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The provider's admin through the pages, in Finnish and in Swedish: creates a specialist account, resets the
 * second factor of a specialist who lost their phone, finds who read a client's data in the access log, and
 * publishes a new privacy notice that clients then confirm. Every page passes axe and the HTML check.
 */
@QuarkusTest
class AdminJourneyTest extends BrowserJourney {

    @ParameterizedTest
    @ValueSource(strings = {"fi", "sv"})
    void an_admin_manages_accounts_reads_the_access_log_and_publishes_a_privacy_notice(String lang) {
        Texts t = new Texts(lang);
        Api.Account admin = Api.create("ADMIN", lang);
        Api.Account lostPhone = Api.create("SPECIALIST", "fi");
        Rehab.Team team = Rehab.team();
        long assignment = Rehab.assign(team, "sleep-and-recovery");
        team.specialist().as().get("/api/v1/assignments/" + assignment).then().statusCode(200);
        String username = Api.unique("uusi.asiantuntija");

        try (BrowserContext window = chromium.signedIn(t.locale(), admin.username(), base)) {
            Page page = window.newPage();
            page.navigate(base + "users");
            BrowserSupport.assertAccessible(page);

            // A new specialist account.
            page.locator("#f-displayName").fill("Uusi Asiantuntija");
            page.locator("#f-username").fill(username);
            page.getByLabel(t.t("users.field.role")).selectOption("SPECIALIST");
            page.getByLabel(t.t("users.field.locale")).selectOption(lang);
            page.locator("#f-password").fill(Api.PASSWORD);
            button(page, t.t("users.create")).click();
            PlaywrightAssertions.assertThat(page.locator("[role=status]")).hasText(t.t("users.created", username));
            PlaywrightAssertions.assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName(username)))
                    .containsText(t.t("role.SPECIALIST"));
            BrowserSupport.assertAccessible(page);

            // A specialist lost the phone with the authenticator app: the admin finds them and removes the second factor.
            page.getByLabel(t.t("users.search")).fill(lostPhone.username().toUpperCase(java.util.Locale.ROOT));
            button(page, t.t("users.search.submit")).click();
            PlaywrightAssertions.assertThat(page.locator("#account-list + form + p")).hasText(
                    t.t("users.search.showing", lostPhone.username().toUpperCase(java.util.Locale.ROOT)));
            BrowserSupport.assertAccessible(page);
            button(page, t.t("users.mfa-reset.label", "Test " + lostPhone.username())).click();
            PlaywrightAssertions.assertThat(page.locator("[role=status]")).hasText(t.t("users.mfa-reset.done"));
            BrowserSupport.assertAccessible(page);

            // Who has read the client's data.
            page.navigate(base + "admin/access-log");
            BrowserSupport.assertAccessible(page);
            page.getByLabel(t.t("accesslog.admin.field.client")).fill(team.client().username());
            button(page, t.t("accesslog.admin.submit")).click();
            PlaywrightAssertions.assertThat(page.locator("#audit-results + p")).isVisible();
            PlaywrightAssertions.assertThat(page.locator("table tbody")).containsText(team.specialist().username());
            PlaywrightAssertions.assertThat(page.locator("table tbody time").first()).hasText(t.dateTime());
            BrowserSupport.assertAccessible(page);

            // The experience survey's results, narrowed to one service; the form keeps the choice.
            page.navigate(base + "admin/surveys");
            BrowserSupport.assertAccessible(page);
            page.getByLabel(t.t("survey.admin.filter.service-type")).selectOption("REHAB_COURSE");
            button(page, t.t("survey.admin.filter.submit")).click();
            page.waitForURL(Pattern.compile(".*serviceType=REHAB_COURSE.*"));
            PlaywrightAssertions.assertThat(page.getByLabel(t.t("survey.admin.filter.service-type"))).hasValue("REHAB_COURSE");
            BrowserSupport.assertAccessible(page);

            // A new privacy notice, published in every language.
            page.navigate(base + "admin/privacy");
            BrowserSupport.assertAccessible(page);
            String marker = Api.unique("Uusi käsittelijä");
            for (String l : new String[] {"fi", "sv", "en"}) {
                page.locator("#f-" + l).fill("# " + marker + " (" + l + ")\n\nKäsittelemme tietojasi kuntoutuksen ajan.");
            }
            page.getByLabel(t.t("privacy.admin.notice.note")).fill("Uusi alihankkija");
            button(page, t.t("privacy.admin.notice.publish")).click();
            PlaywrightAssertions.assertThat(page.locator("#notice [role=status]")).isVisible();
            BrowserSupport.assertAccessible(page);

            // The specialist whose second factor went sets it up again at the next sign-in.
            try (BrowserContext theirs = chromium.context("fi-FI")) {
                Page p = theirs.newPage();
                p.navigate(base + "login");
                p.getByLabel("Käyttäjätunnus").fill(lostPhone.username());
                p.getByLabel("Salasana").fill(Api.PASSWORD);
                p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirjaudu")).click();
                p.waitForURL(base + "account/two-factor");
            }
            // The client confirms the new notice before going on.
            try (BrowserContext theirs = chromium.signedIn("fi-FI", team.client().username(), base)) {
                Page p = theirs.newPage();
                p.navigate(base + "");
                p.waitForURL(Pattern.compile(".*/privacy/notice.*"));
                PlaywrightAssertions.assertThat(p.locator("main")).containsText(marker + " (fi)");
                BrowserSupport.assertAccessible(p);
            }
        }
    }
}
