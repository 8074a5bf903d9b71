package fi.askel.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * What every browser journey shares: the service's address; the test run's Chromium, whose windows the class
 * closes after its tests; the name of the journey under way; and the HTML check of every page they opened. A journey
 * that needs other browser options (a fake camera) sets {@link #chromium} in a {@code @BeforeAll} of its own, which
 * JUnit runs after this class's.
 */
abstract class BrowserJourney {

    @TestHTTPResource("/")
    URL base;

    static BrowserSupport chromium;

    @BeforeAll
    static void startBrowser() {
        chromium = BrowserSupport.shared(java.util.List.of());
    }

    /** Names the journey its screenshots are kept under: {@code ClientJourney.typed_answers_are_saved…}. */
    @BeforeEach
    void nameJourney(TestInfo test) {
        JourneyRecord.begin(test.getTestClass().orElseThrow().getSimpleName().replaceFirst("Test$", "") + "."
                + test.getTestMethod().orElseThrow().getName());
    }

    /** Closes the class's windows; the Chromium itself serves the next class ({@link BrowserSupport#shared}). */
    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.closeWindows();
            chromium = null;
        }
    }

    /** Every page this class's journeys opened is valid HTML (W3C Nu HTML Checker). */
    @AfterAll
    static void checkHtml(TestInfo test) {
        HtmlValidity.assertValid(test.getTestClass().orElseThrow().getSimpleName());
    }

    /** The button a person would find by its exact name. */
    static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
