package fi.askel.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The W3C Nu HTML Checker (vnu, run in this JVM) over the HTML of every page the journeys open: each document
 * the service sends to a journey's window is kept as it arrived, and the class's batch is checked when its
 * journeys are done. Any error fails the class; warnings are reported (stderr and
 * {@code target/html-validity/<class>.txt}) but pass.
 */
final class HtmlValidity {

    static final Path REPORTS = Path.of("target", "html-validity");

    /** A page as the service sent it, with the journey that opened it. */
    record Document(String journey, String url, String html) {
    }

    /** What the checker said of one page. */
    record Finding(Document page, boolean error, int line, int column, String message, String source) {

        @Override
        public String toString() {
            return (error ? "error" : "warning") + " on " + page.url() + " (" + page.journey() + ") line " + line
                    + ":" + column + ": " + message + (source.isBlank() ? "" : "\n    " + source.strip());
        }
    }

    /** The pages of the running class, keyed by their text so that a page seen twice unchanged is checked once. */
    private static final Map<String, Document> PAGES = new LinkedHashMap<>();

    private HtmlValidity() {
    }

    /** Keeps every HTML document the service sends to this window (not redirects, not other sites). */
    static void collectFrom(BrowserContext context) {
        context.onResponse(response -> {
            if (isServicePage(response)) {
                keep(response.url(), response.text());
            }
        });
    }

    private static boolean isServicePage(Response response) {
        String type = response.headerValue("content-type");
        String host = URI.create(response.url()).getHost();
        return "document".equals(response.request().resourceType()) && response.status() < 300
                && type != null && type.startsWith("text/html") && ("localhost".equals(host) || "127.0.0.1".equals(host));
    }

    static synchronized void keep(String url, String html) {
        PAGES.putIfAbsent(html, new Document(JourneyRecord.journey(), url, html));
    }

    /** Checks the pages collected since the last call, then forgets them; fails on any error. */
    static void assertValid(String className) {
        List<Document> pages;
        synchronized (HtmlValidity.class) {
            pages = new ArrayList<>(PAGES.values());
            PAGES.clear();
        }
        if (pages.isEmpty()) {
            return;
        }
        List<Finding> findings = check(pages);
        report(className, pages.size(), findings);
        List<Finding> errors = findings.stream().filter(Finding::error).toList();
        if (!errors.isEmpty()) {
            throw new AssertionError(errors.size() + " HTML validity errors (W3C Nu HTML Checker) in " + pages.size()
                    + " pages:\n" + String.join("\n", errors.stream().map(Finding::toString).toList()));
        }
    }

    /** What the checker says of each page: errors and warnings, the line's text with each. */
    static List<Finding> check(List<Document> pages) {
        List<Finding> findings = new ArrayList<>();
        synchronized (SINK) {
            SINK.findings = findings;
            try {
                SimpleDocumentValidator validator = validator();
                for (Document page : pages) {
                    SINK.current = page;
                    InputSource input = new InputSource(new ByteArrayInputStream(page.html().getBytes(StandardCharsets.UTF_8)));
                    input.setSystemId(page.url());
                    try {
                        validator.checkHtmlInputSource(input);
                    } catch (SAXParseException fatal) {
                        // Already reported to the handler as a fatal error.
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("The Nu HTML Checker could not start or run: " + e, e);
            } finally {
                SINK.findings = null;
                SINK.current = null;
            }
        }
        return findings;
    }

    /** Where the checker reports: the findings of the batch being checked, each with its page and line. */
    private static final class Sink implements ErrorHandler {
        private List<Finding> findings;
        private Document current;

        @Override
        public void warning(SAXParseException e) {
            add(false, e);
        }

        @Override
        public void error(SAXParseException e) {
            add(true, e);
        }

        @Override
        public void fatalError(SAXParseException e) {
            add(true, e);
        }

        private void add(boolean error, SAXParseException e) {
            findings.add(new Finding(current, error, e.getLineNumber(), e.getColumnNumber(), e.getMessage(),
                    line(current.html(), e.getLineNumber())));
        }
    }

    private static final Sink SINK = new Sink();
    private static SimpleDocumentValidator validator;

    /**
     * The checker, set up once for the test run and reused by every class (as it always was for the pages of one):
     * loading its HTML schema took 1 to 2 s, which every class paid.
     */
    private static SimpleDocumentValidator validator() throws Exception {
        if (validator == null) {
            // The checker logs through log4j 1; what it would log is in the findings already.
            org.apache.log4j.LogManager.getRootLogger().addAppender(new org.apache.log4j.varia.NullAppender());
            SimpleDocumentValidator fresh = new SimpleDocumentValidator(false, false, false);
            fresh.setUpMainSchema("http://s.validator.nu/html5-all.rnc", SINK);
            fresh.setUpValidatorAndParsers(SINK, true, false);
            validator = fresh;
        }
        return validator;
    }

    private static String line(String html, int number) {
        String[] lines = html.split("\n", -1);
        return number >= 1 && number <= lines.length ? lines[number - 1] : "";
    }

    private static void report(String className, int pageCount, List<Finding> findings) {
        String text = "W3C Nu HTML Checker over " + pageCount + " pages of " + className + ": "
                + findings.stream().filter(Finding::error).count() + " errors, "
                + findings.stream().filter(f -> !f.error()).count() + " warnings\n"
                + String.join("\n", findings.stream().map(Finding::toString).toList());
        System.err.println(text);
        try {
            Files.createDirectories(REPORTS);
            Files.writeString(REPORTS.resolve(className + ".txt"), text + "\n");
            // The pages the checker found fault with, as they arrived, to read the line numbers against.
            for (Document page : findings.stream().filter(Finding::error).map(Finding::page).distinct().toList()) {
                Path file = REPORTS.resolve(className).resolve(JourneyRecord.slug(page.url()) + ".html");
                Files.createDirectories(file.getParent());
                Files.writeString(file, page.html());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
