package fi.askel.browser;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * axe-core (the copy Deque ships in its Playwright jar) run in the page itself: loaded once per document and asked for
 * violations only. Deque's {@code AxeBuilder} loads the 550 KB script again for every check and finishes each run in a
 * new blank page; a journey checks each page four times (two widths, two languages), so that cost counted in minutes.
 * Askel's pages have no frames, so one document is the whole page. On the service's pages the script comes from
 * the service ({@link AxeScript}): a window then has it cached, compiled code too, after its first page, where sending
 * it through Playwright into every page cost 5 to 10 times as much.
 */
final class Axe {

    /** WCAG 2.1 level A and AA, the level Finnish law on digital services asks for. */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    static final String SCRIPT = read("/axe.min.js");

    private static final String SOURCE = "() => {" + SCRIPT + "\n}";

    private static final String RUN = """
            tags => axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
              .then(r => JSON.stringify(r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }))))""";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One rule broken on the page, and where (CSS selectors of the elements). */
    record Violation(String id, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return id + " (" + impact + "): " + help + " — " + String.join(", ", targets);
        }
    }

    private Axe() {
    }

    /** The WCAG 2.1 A and AA rules the page breaks as it is now: empty when it passes. */
    static List<Violation> violations(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"))) {
            load(page);
        }
        String found = (String) page.evaluate(RUN, TAGS);
        try {
            return JSON.readValue(found, new TypeReference<List<Violation>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core's answer was not the JSON asked for: " + found, e);
        }
    }

    /**
     * A page of the service gets the script from the service ({@link AxeScript}), cached by the window after its first
     * page; a page of no origin (set by a test itself) gets the text.
     */
    private static void load(Page page) {
        java.net.URI url = java.net.URI.create(page.url());
        if ("http".equals(url.getScheme()) || "https".equals(url.getScheme())) {
            page.addScriptTag(new Page.AddScriptTagOptions().setUrl(url.resolve(AxeScript.PATH).toString()));
        } else {
            page.evaluate(SOURCE);
        }
    }

    private static String read(String resource) {
        try (InputStream in = Axe.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath (com.deque.html.axe-core:playwright)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
