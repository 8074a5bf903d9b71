package fi.askel.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * A real headless Chromium (Debian's /usr/bin/chromium; `.ci/run` installs it) driven by Playwright,
 * with axe-core for accessibility checks.
 */
final class BrowserSupport implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    final Playwright playwright;
    final Browser browser;

    /** Chromium's own camera and microphone (a test pattern and a beep), allowed without asking; loopback candidates visible. */
    static final List<String> FAKE_MEDIA = List.of("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            "--disable-features=WebRtcHideLocalIpsWithMdns", "--autoplay-policy=no-user-gesture-required");

    private BrowserSupport(List<String> extraArgs) {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        List<String> args = new java.util.ArrayList<>(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking"));
        args.addAll(extraArgs);
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(args));
    }

    static BrowserSupport start() {
        return start(List.of());
    }

    /** A Chromium started with extra command-line switches (e.g. {@link #FAKE_MEDIA}). */
    static BrowserSupport start(List<String> extraArgs) {
        requireChromium(CHROMIUM, System.getenv("CI"), System.err);
        return new BrowserSupport(extraArgs);
    }

    /**
     * Goes on when Chromium is there. Without it, on CI ({@code CI=true}, as CI services set it and
     * {@code .ci/run} does) the journeys fail: a build that ran none of them must not pass. On a developer's
     * machine they are skipped, and the skip is said out loud rather than only counted.
     */
    static void requireChromium(Path chromium, String ci, java.io.PrintStream out) {
        if (Files.isExecutable(chromium)) {
            return;
        }
        String why = "Chromium is not installed at " + chromium + " (apt-get install chromium, or set CHROMIUM_PATH)";
        if ("true".equalsIgnoreCase(ci) || "1".equals(ci)) {
            throw new AssertionError(why + "; CI=true, so the browser journeys must run and fail instead of skipping");
        }
        out.println("SKIPPED browser journeys: " + why);
        Assumptions.abort(why + "; browser journeys skipped");
    }

    /** Content-Security-Policy refusals Chromium reported since the last context was opened. */
    static final List<String> POLICY_VIOLATIONS = new CopyOnWriteArrayList<>();

    /**
     * A browser window already signed in as the account: the sign-in goes through the pages (second step
     * included) with the test's cookie client, and its cookies are handed to the window.
     */
    BrowserContext signedIn(String locale, String username, java.net.URL base) {
        fi.askel.support.Browser http = new fi.askel.support.Browser().signIn(username, fi.askel.support.Api.PASSWORD);
        BrowserContext context = context(locale);
        context.addCookies(http.cookies.entrySet().stream()
                .map(c -> new com.microsoft.playwright.options.Cookie(c.getKey(), c.getValue()).setUrl(base.toString()))
                .toList());
        return context;
    }

    /** A Finnish-speaking browser window whose Content-Security-Policy refusals are collected. */
    BrowserContext context() {
        return context("fi-FI");
    }

    /**
     * A browser window speaking the given language (e.g. en-GB), its CSP refusals collected and every page the
     * service sends it kept for the HTML checker ({@link HtmlValidity}).
     */
    BrowserContext context(String locale) {
        POLICY_VIOLATIONS.clear();
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale));
        HtmlValidity.collectFrom(context);
        context.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                POLICY_VIOLATIONS.add(message.text());
            }
        });
        return context;
    }

    /**
     * The check every page a journey passes gets: every accessibility rule axe-core checks (WCAG 2.1 A and AA)
     * passes on the page as it is now, nothing on it was refused by the Content-Security-Policy (an inline
     * script or style would be), and it is photographed at a desktop's and a phone's width ({@link JourneyRecord}).
     */
    static void assertAccessible(Page page) {
        JourneyRecord.photograph(page);
        if (!POLICY_VIOLATIONS.isEmpty()) {
            throw new AssertionError("Content-Security-Policy refused parts of " + page.url() + ":\n"
                    + String.join("\n", POLICY_VIOLATIONS));
        }
        assertAxeClean(page);
    }

    /** Every accessibility rule axe-core checks (WCAG 2.1 A and AA) passes on the page as it is now. */
    private static void assertAxeClean(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        if (!results.getViolations().isEmpty()) {
            String report = results.getViolations().stream()
                    .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " — "
                            + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("\n"));
            throw new AssertionError("Accessibility problems on " + page.url() + ":\n" + report);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
