package fi.askel.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import fi.askel.common.Dates;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A client keeps a sleep diary for three nights on the step's page, and their specialist sees the nights as a chart
 * with its table on the client's page, in Finnish and in Swedish; every page axe-checked.
 */
@QuarkusTest
class DiaryJourneyTest extends BrowserJourney {

    static final LocalDate TODAY = Dates.today();

    @Test
    void a_client_fills_a_sleep_diary_for_three_nights_and_the_specialist_sees_the_chart() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "sleep-and-recovery");
        try (BrowserContext window = chromium.signedIn("fi-FI", team.client().username(), base)) {
            Page page = window.newPage();
            page.navigate(base + "assignments/" + id + "/steps/sleep-diary");
            BrowserSupport.assertAccessible(page);
            for (int night = 3; night >= 1; night--) {
                page.getByLabel("Herätysaamun päivämäärä").fill(TODAY.minusDays(night).toString());
                page.getByLabel("Nukkumaanmenoaika").fill("22:" + (10 + 10 * night));
                page.getByLabel("Nukahtamiseen kului (min)").fill(String.valueOf(15 * night));
                page.getByLabel("Heräämisiä yön aikana").fill("1");
                page.getByLabel("Ylösnousuaika").fill("06:45");
                page.getByLabel("Levännyt olo (1–5)").selectOption(String.valueOf(5 - night));
                button(page, "Lisää merkintä").click();
                PlaywrightAssertions.assertThat(page.locator("table.diary-table tbody tr")).hasCount(4 - night);
            }
            PlaywrightAssertions.assertThat(page.locator("table.diary-table tbody tr").first().locator("th"))
                    .hasText(Dates.date(TODAY.minusDays(3), "fi"));
            BrowserSupport.assertAccessible(page);
        }
        try (BrowserContext window = chromium.signedIn("fi-FI", team.specialist().username(), base)) {
            Page page = window.newPage();
            page.navigate(base + "clients/" + team.client().id());
            PlaywrightAssertions.assertThat(page.locator("#chart-sleep-heading")).hasText("Unipäiväkirja: nukahtamiseen kulunut aika");
            PlaywrightAssertions.assertThat(page.locator("svg[aria-labelledby='chart-sleep-title chart-sleep-desc'] g circle")).hasCount(3);
            BrowserSupport.assertAccessible(page);
            page.locator(".lang-switch button[lang=sv]").click();
            PlaywrightAssertions.assertThat(page.locator("#chart-sleep-heading")).hasText("Sömndagbok: tid att somna");
            BrowserSupport.assertAccessible(page);
        }
    }
}
