package fi.askel.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import fi.askel.support.Rehab;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A client opens an exercise and sees its illustration, described in the language of the page. */
@QuarkusTest
class IllustratedExerciseJourneyTest extends BrowserJourney {

    private static final String LOADED = "img => img.complete && img.naturalWidth > 0";

    @Test
    void the_chin_tuck_is_illustrated_and_described_in_finnish_and_swedish() {
        Rehab.Team team = Rehab.team();
        long id = Rehab.assign(team, "back-and-neck");
        try (BrowserContext context = chromium.signedIn("fi-FI", team.client().username(), base)) {
            Page page = context.newPage();
            page.navigate(base + "assignments/" + id + "/steps/chin-tuck");
            Locator image = page.locator(".step-images img");
            assertThat(image).hasAttribute("alt", Pattern.compile("^1: Sivulta kuvattu ihminen istuu .* 2: Leuka on vedetty"));
            page.waitForFunction("() => [...document.querySelectorAll('.step-images img')].every(" + LOADED + ")");
            assertEquals(400, ((Number) image.evaluate("img => img.naturalWidth")).intValue());
            assertEquals("400", image.getAttribute("width"));
            BrowserSupport.assertAccessible(page);

            page.navigate(base + "assignments/" + id + "/steps/chin-tuck?lang=sv");
            assertThat(page.locator("h1")).hasText("Hakindragning");
            assertThat(image).hasAttribute("alt", Pattern.compile("^1: En person sedd från sidan .* 2: Hakan är indragen"));
            page.waitForFunction("() => [...document.querySelectorAll('.step-images img')].every(" + LOADED + ")");
            BrowserSupport.assertAccessible(page);
        }
    }
}
