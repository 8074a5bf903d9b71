package fi.askel.browser;

import fi.askel.common.Dates;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import fi.askel.support.Api;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A client answers the experience survey from the dashboard (in Finnish, and a Swedish-speaking client in
 * Swedish), and their specialist confirms the day the client did exercises; every page axe-checked.
 */
@QuarkusTest
class SurveyAndDaysJourneyTest extends BrowserJourney {

    static final LocalDate TODAY = Dates.today();

    private static Rehab.Team midway(Api.Account specialist, String lang) {
        Api.Account client = Api.create("CLIENT", lang);
        long periodId = specialist.as().body(Map.of("clientId", client.id(), "serviceType", "REHAB_COURSE",
                        "startsOn", TODAY.minusDays(10).toString(), "endsOn", TODAY.plusDays(10).toString()))
                .post("/api/v1/periods").then().statusCode(201).extract().jsonPath().getLong("id");
        Rehab.assessSuitable(specialist, periodId);
        return new Rehab.Team(specialist, client, periodId);
    }

    private static void choose(Page page, String statement, String option) {
        Locator group = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(statement));
        group.getByLabel(option).check();
    }

    @Test
    void a_client_answers_the_survey_and_the_specialist_confirms_a_proposed_day() {
        Api.Account specialist = Api.create("SPECIALIST", "fi");
        Rehab.Team finn = midway(specialist, "fi");
        Rehab.Team swede = midway(specialist, "sv");
        long assignment = specialist.as().body(Map.of("clientId", finn.client().id(), "moduleSlug", "back-and-neck"))
                .post("/api/v1/assignments").then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> step = finn.client().as().get("/api/v1/modules/back-and-neck").then().statusCode(200).extract().jsonPath()
                .getMap("steps.find { it.type == 'exercise' }");
        finn.client().as().body(Map.of("answer", Rehab.validAnswer(step), "final", true))
                .put("/api/v1/assignments/" + assignment + "/steps/" + step.get("key")).then().statusCode(200);

        try (BrowserContext window = chromium.signedIn("fi-FI", finn.client().username(), base)) {
            Page page = window.newPage();
            page.navigate(base + "");
            BrowserSupport.assertAccessible(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Vastaa kyselyyn (Jakson puolivälissä)")).click();
            BrowserSupport.assertAccessible(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lähetä vastaukset")).click();
            PlaywrightAssertions.assertThat(page.locator("[role=alert]").first()).isVisible();
            BrowserSupport.assertAccessible(page);
            for (String statement : new String[] {"Etäkuntoutus toimii minulle.", "Etäkuntoutus edistää kuntoutumistani.",
                    "Voin luottaa työntekijöiden osaamiseen.", "Voin luottaa siihen, että tietoturvasta huolehditaan.",
                    "Saan tarvitsemani ohjauksen ja tuen, jotta voin osallistua etäkuntoutukseen."}) {
                choose(page, statement, "4 – Jokseenkin samaa mieltä");
            }
            choose(page, "Oliko sinulla teknisiä ongelmia?", "Jonkin verran");
            page.getByLabel("Ääni").check();
            page.getByLabel("Haluatko kertoa vielä jotain? (valinnainen)").fill("Ääni katkesi kerran.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lähetä vastaukset")).click();
            PlaywrightAssertions.assertThat(page.locator("[role=status]")).hasText("Kiitos! Vastauksesi on tallennettu.");
            BrowserSupport.assertAccessible(page);
            page.navigate(base + "");
            PlaywrightAssertions.assertThat(page.locator("#survey-due")).hasCount(0);
        }

        try (BrowserContext window = chromium.signedIn("sv-FI", swede.client().username(), base)) {
            Page page = window.newPage();
            page.navigate(base + "");
            BrowserSupport.assertAccessible(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Svara på enkäten (Mitt i perioden)")).click();
            PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Dina erfarenheter av distansrehabiliteringen");
            BrowserSupport.assertAccessible(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inte nu")).click();
            page.waitForURL(base + "");
            PlaywrightAssertions.assertThat(page.locator("#survey-due")).hasCount(0);
        }

        try (BrowserContext window = chromium.signedIn("fi-FI", specialist.username(), base)) {
            Page page = window.newPage();
            page.navigate(base + "clients/" + finn.client().id());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Etäkuntoutuspäivät").setExact(false)).first().click();
            BrowserSupport.assertAccessible(page);
            Locator confirm = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName("Vahvista " + TODAY.getDayOfMonth() + "." + TODAY.getMonthValue() + "." + TODAY.getYear()));
            confirm.click();
            PlaywrightAssertions.assertThat(page.locator("[role=status]")).hasText("Päivät on kirjattu.");
            PlaywrightAssertions.assertThat(page.locator("#days")).containsText("Verkkoharjoitukset");
            PlaywrightAssertions.assertThat(page.locator("#proposals")).containsText("Ei kirjaamattomia päiviä.");
            BrowserSupport.assertAccessible(page);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("På svenska")).click();
            PlaywrightAssertions.assertThat(page.locator("h1")).containsText("Distansrehabiliteringsdagar");
            BrowserSupport.assertAccessible(page);

            page.navigate(base + "clients/" + finn.client().id() + "/surveys");
            PlaywrightAssertions.assertThat(page.locator("main")).containsText("Ääni katkesi kerran.");
            BrowserSupport.assertAccessible(page);
        }
    }
}
