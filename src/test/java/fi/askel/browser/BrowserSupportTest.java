package fi.askel.browser;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
}
