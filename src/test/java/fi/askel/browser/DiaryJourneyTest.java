package fi.askel.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import fi.askel.common.Dates;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A client keeps a sleep diary for three nights on the step's page and rates their goal at the midpoint on the goal's
 * page (seeing the specialist's rating beside their own), and their specialist sees the nights as a chart with its
 * table on the client's page, in Finnish and in Swedish; every page axe-checked.
 */
@QuarkusTest
class DiaryJourneyTest extends BrowserJourney {

    static final LocalDate TODAY = Dates.today();

    @Test
    void a_client_fills_a_sleep_diary_for_three_nights_and_the_specialist_sees_the_chart() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "sleep-and-recovery");
        long goal = team.specialist().as().body(Map.of("title", "Nukun yöni hyvin", "weight", 2, "levels", Map.of("-2",
                        "En lainkaan", "-1", "Yhtenä yönä viikossa", "0", "Kolmena yönä", "1", "Viitenä yönä", "2", "Joka yö")))
                .post("/api/v1/clients/" + team.client().id() + "/goals").then().statusCode(201).extract().jsonPath().getLong("id");
        team.specialist().as().body(Map.of("score", 0, "phase", "MIDPOINT")).post("/api/v1/goals/" + goal + "/ratings")
                .then().statusCode(200);
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
            // the client rates the goal at the midpoint on its page and sees the specialist's rating beside theirs
            page.navigate(base + "goals/" + goal);
            page.locator("#f-phase").selectOption("MIDPOINT");
            page.getByLabel("+1: Viitenä yönä").check();
            button(page, "Tallenna arvio").click();
            PlaywrightAssertions.assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS))
                    .hasText("Arviosi on tallennettu.");
            com.microsoft.playwright.Locator midpoint = page.locator("#own-ratings-caption ~ tbody tr").filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText("Väliarvio"));
            PlaywrightAssertions.assertThat(midpoint.locator("td").nth(0)).hasText("0: Kolmena yönä");
            PlaywrightAssertions.assertThat(midpoint.locator("td").nth(1)).hasText("+1: Viitenä yönä");
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
