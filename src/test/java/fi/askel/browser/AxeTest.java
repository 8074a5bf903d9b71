package fi.askel.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The in-page axe-core run finds what it should, in a page it has already checked too, and passes a clean page. */
class AxeTest {

    private static BrowserSupport chromium;

    @BeforeAll
    static void start() {
        chromium = BrowserSupport.shared(List.of());
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.closeWindows();
        }
    }

    private static final String CLEAN = """
            <!DOCTYPE html><html lang="fi"><head><title>Harjoitus</title></head>
            <body><main><h1>Harjoitus</h1><p>Istu tuolilla selkä suorana.</p>
            <label for="n">Toistot</label><input id="n" type="number"></main></body></html>""";

    private static final String BROKEN = """
            <!DOCTYPE html><html lang="fi"><head><title>Harjoitus</title></head>
            <body><main><h1>Harjoitus</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
            <p style="color:#bbb;background:#fff">Istu tuolilla selkä suorana.</p><input id="n" type="number"></main></body></html>""";

    @Test
    void a_clean_page_passes_and_the_same_page_broken_names_each_rule_and_element() {
        try (BrowserContext context = chromium.context()) {
            Page page = context.newPage();
            page.setContent(CLEAN);
            assertEquals(List.of(), Axe.violations(page));

            page.setContent(BROKEN);
            List<String> rules = Axe.violations(page).stream().map(Axe.Violation::id).sorted().toList();
            assertEquals(List.of("color-contrast", "image-alt", "label"), rules);

            // The page's own document keeps axe between checks: a change made after the first check is seen.
            page.evaluate("() => document.querySelector('img').alt = 'Istuva henkilö'");
            List<Axe.Violation> again = Axe.violations(page);
            assertEquals(List.of("color-contrast", "label"), again.stream().map(Axe.Violation::id).sorted().toList());
            assertTrue(again.stream().anyMatch(v -> v.targets().contains("#n")), again.toString());
        }
    }
}
