package fi.askel.browser;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** What the browser journeys do when Chromium is missing: fail on CI, skip out loud elsewhere. */
class BrowserSupportTest {

    private static final Path MISSING = Path.of("/nonexistent/chromium");

    @Test
    void on_ci_a_missing_chromium_fails_the_journeys() {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        AssertionError e = assertThrows(AssertionError.class,
                () -> BrowserSupport.requireChromium(MISSING, "true", new PrintStream(said, true, StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("/nonexistent/chromium"), e.getMessage());
        assertTrue(e.getMessage().contains("CI=true"), e.getMessage());
    }

    @Test
    void outside_ci_a_missing_chromium_skips_and_says_so() {
        for (String ci : new String[] {null, "false", ""}) {
            ByteArrayOutputStream said = new ByteArrayOutputStream();
            TestAbortedException e = assertThrows(TestAbortedException.class,
                    () -> BrowserSupport.requireChromium(MISSING, ci, new PrintStream(said, true, StandardCharsets.UTF_8)));
            assertTrue(e.getMessage().contains("skipped"), e.getMessage());
            assertEquals("SKIPPED browser journeys: Chromium is not installed at /nonexistent/chromium"
                    + " (apt-get install chromium, or set CHROMIUM_PATH)", said.toString(StandardCharsets.UTF_8).strip());
        }
    }

    @Test
    void an_installed_chromium_goes_on_quietly_on_ci_and_off() {
        Path installed = Path.of("/bin/sh"); // any executable stands in: only its presence is checked here
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(said, true, StandardCharsets.UTF_8);
        assertDoesNotThrow(() -> BrowserSupport.requireChromium(installed, "true", out));
        assertDoesNotThrow(() -> BrowserSupport.requireChromium(installed, null, out));
        assertEquals("", said.toString(StandardCharsets.UTF_8));
    }

    @Test
    void iso_timestamps_and_english_months_are_told_from_finnish_and_swedish_dates() {
        for (String foreign : new String[] {"Luotu 2026-12-05T14:30:00Z", "päivä 2026-12-05", "5 Dec 2026, 14:30",
                "December 5, 2026", "Sat 5 Dec", "Tuesday 8"}) {
            assertTrue(WrittenDates.FOREIGN_DATE.matcher(foreign).find(), foreign);
        }
        for (String own : new String[] {"5.12.2026 klo 14.30", "5.12.2026 kl. 14.30", "ti 8.12.2026 klo 15.00–15.45",
                "den 5 december 2026", "5 dec. 2026", "versio 1", "+358 9 0000 0000", "Maria 5"}) {
            assertTrue(!WrittenDates.FOREIGN_DATE.matcher(own).find(), own);
        }
    }

    @Test
    void a_page_wider_than_a_phone_fails_the_reflow_check_and_names_what_sticks_out() {
        try (com.microsoft.playwright.BrowserContext context = BrowserSupport.shared(List.of()).browser.newContext()) {
            com.microsoft.playwright.Page page = context.newPage();
            String style = "<style>.table-scroll{overflow-x:auto}.hidden{position:absolute;width:1px;height:1px;overflow:hidden}</style>";
            page.setContent("<!DOCTYPE html><meta name=viewport content='width=device-width'>" + style
                    + "<main><p>Fits</p><div class=table-scroll><table><tr><td style='min-width:900px'>Wide</td></tr></table></div></main>");
            assertDoesNotThrow(() -> BrowserSupport.assertReflows(page), "a wide table in its own scroll box is fine");

            page.setContent("<!DOCTYPE html><meta name=viewport content='width=device-width'>" + style
                    + "<main><div class=table-scroll><table><tr><td style='min-width:900px'>Wide</td>"
                    + "<td><span class=hidden>Toiminnot</span></td></tr></table></div></main>");
            AssertionError escaped = assertThrows(AssertionError.class, () -> BrowserSupport.assertReflows(page));
            assertTrue(escaped.getMessage().contains("span.hidden"), escaped.getMessage());

            page.setContent("<!DOCTYPE html><meta name=viewport content='width=device-width'><main><p id=long>"
                    + "x".repeat(120) + "</p></main>");
            AssertionError wide = assertThrows(AssertionError.class, () -> BrowserSupport.assertReflows(page));
            assertTrue(wide.getMessage().contains("scrolls sideways at 390 px") && wide.getMessage().contains("p#long"),
                    wide.getMessage());
        }
    }

    @Test
    void a_problem_only_a_phone_shows_fails_the_first_run_of_a_step_and_a_repeated_step_still_checks_its_own_width() {
        try (com.microsoft.playwright.BrowserContext context = BrowserSupport.shared(List.of()).browser.newContext()) {
            com.microsoft.playwright.Page page = context.newPage();
            String head = "<!DOCTYPE html><html lang=fi><title>Testi</title><meta name=viewport content='width=device-width'>";
            // An image without a text alternative that only a phone's layout shows.
            String phoneOnly = head + "<style>img{display:none}@media (max-width:500px){img{display:block}}</style>"
                    + "<main><h1>Testi</h1><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='></main>";
            JourneyRecord.begin("BrowserSupportTest.phone_only_" + System.nanoTime());
            page.setContent(phoneOnly);
            AssertionError atPhone = assertThrows(AssertionError.class, () -> BrowserSupport.assertAccessible(page));
            assertTrue(atPhone.getMessage().startsWith("At 390 px wide") && atPhone.getMessage().contains("image-alt"),
                    atPhone.getMessage());

            // The same journey run again (another language): its steps have the same names, and the page's own
            // width is still checked. Shown at every width, the image fails there too.
            String everywhere = head + "<main><h1>Testi</h1><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='></main>";
            JourneyRecord.begin(JourneyRecord.journey());
            page.setContent(everywhere);
            AssertionError ownWidth = assertThrows(AssertionError.class, () -> BrowserSupport.assertAccessible(page));
            assertTrue(!ownWidth.getMessage().startsWith("At 390 px wide") && ownWidth.getMessage().contains("image-alt"),
                    ownWidth.getMessage());
        }
    }
}
