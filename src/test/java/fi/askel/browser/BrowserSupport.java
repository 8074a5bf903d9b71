package fi.askel.browser;

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

    /** The test run's Chromium for each set of extra switches (e.g. {@link #FAKE_MEDIA}), closed when the JVM ends. */
    private static final Map<List<String>, BrowserSupport> SHARED = new java.util.HashMap<>();

    /**
     * The run's Chromium with these switches, shared by the journey classes: starting Playwright's driver and a
     * Chromium for each class cost 1.5 to 3 s a class. Each class still gets windows of its own and closes them
     * ({@link #closeWindows()}); a Chromium that has gone (crashed) is started again.
     */
    static synchronized BrowserSupport shared(List<String> extraArgs) {
        BrowserSupport running = SHARED.get(extraArgs);
        if (running == null || !running.browser.isConnected()) {
            requireChromium(CHROMIUM, System.getenv("CI"), System.err);
            running = new BrowserSupport(extraArgs);
            SHARED.put(List.copyOf(extraArgs), running);
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "close-chromium"));
        }
        return running;
    }

    /** Closes every window still open, so nothing a class started (a call's camera and connections) runs on into the next. */
    void closeWindows() {
        browser.contexts().forEach(BrowserContext::close);
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
     * passes on the page as it is now and at a phone's width, nothing on it was refused by the Content-Security-Policy
     * (an inline script or style would be), nothing scrolls sideways at 390 or 320 px, dates are written as people
     * write them, and it is photographed at a desktop's and a phone's width ({@link JourneyRecord}).
     * <p>
     * A journey run again in another language (a parameterized test, whose steps have the same names) repeats what
     * the words can change: axe at the window's own width, the reflow at both narrow widths (Swedish words are
     * longer), the CSP and the dates. The pictures and axe at a phone's width, which look at the layout, are done in
     * the first language it runs in: in the second they cost about a second a page and found nothing the first did not.
     */
    static void assertAccessible(Page page) {
        com.microsoft.playwright.options.ViewportSize own = page.viewportSize();
        int ownWidth = own == null ? JourneyRecord.WIDTHS[0] : own.width;
        boolean firstRun = JourneyRecord.nextStep(page);
        if (!POLICY_VIOLATIONS.isEmpty()) {
            throw new AssertionError("Content-Security-Policy refused parts of " + page.url() + ":\n"
                    + String.join("\n", POLICY_VIOLATIONS));
        }
        // One pass down the widths, each layout used for everything done at it: the desktop picture; the phone's
        // picture, axe and reflow check; the reflow check at 320 px; then axe at the window's own width.
        try {
            if (firstRun) {
                JourneyRecord.photograph(page, JourneyRecord.WIDTHS[0]);
                JourneyRecord.photograph(page, NARROW_WIDTHS[0]);
                try {
                    assertAxeClean(page);
                } catch (AssertionError e) {
                    throw ownWidth == NARROW_WIDTHS[0] ? e : new AssertionError("At " + NARROW_WIDTHS[0] + " px wide: " + e.getMessage(), e);
                }
            }
            for (int width : NARROW_WIDTHS) {
                assertFitsAt(page, width);
            }
        } finally {
            if (own != null) {
                page.setViewportSize(own.width, own.height);
            }
        }
        if (ownWidth != NARROW_WIDTHS[0] || !firstRun) {
            assertAxeClean(page);
        }
        WrittenDates.assertAsPeopleWriteThem(page);
    }

    /** A phone's width, and 320 CSS px: a 1280 px screen at 400 % zoom (WCAG 2.1 1.4.10 Reflow). */
    static final int[] NARROW_WIDTHS = {390, 320};

    /**
     * The elements that stick out past the right edge of the window, widest first, leaving out what is inside a box
     * that scrolls or clips on its own (a wide table in its scroll box is fine): null when the page fits.
     */
    private static final String OVERFLOW = """
            () => {
              const vw = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= vw) return null;
              const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                  + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
              // Inside a box that scrolls or clips on its own, an element widens nothing, unless it is positioned
              // against something outside that box (a visually hidden text in a scrolling table can be).
              const clipped = e => {
                const pos = getComputedStyle(e).position;
                if (pos === 'fixed') return false;
                const holder = pos === 'absolute' ? e.offsetParent : e.parentElement;
                for (let x = e.parentElement; x && x !== document.body; x = x.parentElement) {
                  if (getComputedStyle(x).overflowX !== 'visible' && holder && x.contains(holder)) return true;
                }
                return false;
              };
              const found = [];
              for (const c of document.body.querySelectorAll('*')) {
                const r = c.getBoundingClientRect();
                const s = getComputedStyle(c);
                // Text that does not wrap sticks out of its box without widening the box itself.
                const right = s.overflowX === 'visible' ? Math.max(r.right, r.left + c.scrollWidth) : r.right;
                if (right > vw + 1 && (r.width > 0 || r.height > 0) && !clipped(c)) {
                  let depth = 0;
                  for (let x = c; x; x = x.parentElement) depth++;
                  found.push({ e: c, right, width: right - r.left, depth });
                }
              }
              found.sort((a, b) => b.right - a.right || b.depth - a.depth);
              const path = e => { const p = []; for (let x = e; x && x !== document.body && p.length < 4; x = x.parentElement) p.unshift(name(x)); return p.join(' > '); };
              return 'the page is ' + document.documentElement.scrollWidth + ' px wide in a ' + vw + ' px window; widest: '
                  + found.slice(0, 3).map(f => path(f.e) + ' (' + Math.round(f.width) + ' px wide, right edge at '
                      + Math.round(f.right) + ' px: "' + (f.e.innerText || '').trim().slice(0, 40).replace(/\\s+/g, ' ') + '")').join('; ');
            }""";

    /** Nothing scrolls sideways at a phone's width or at 320 px: text reflows, wide tables scroll in their own box. */
    static void assertReflows(Page page) {
        com.microsoft.playwright.options.ViewportSize own = page.viewportSize();
        try {
            for (int width : NARROW_WIDTHS) {
                assertFitsAt(page, width);
            }
        } finally {
            if (own != null) {
                page.setViewportSize(own.width, own.height);
            }
        }
    }

    /** The window at this width (unless it is already), and nothing sticking out past its right edge. */
    private static void assertFitsAt(Page page, int width) {
        com.microsoft.playwright.options.ViewportSize now = page.viewportSize();
        if (now == null || now.width != width) {
            page.setViewportSize(width, 844);
        }
        Object problem = page.evaluate(OVERFLOW);
        if (problem != null) {
            throw new AssertionError(page.url() + " scrolls sideways at " + width + " px: " + problem);
        }
    }

    /** The focused element: how to name it, whether it matches, and whether a sighted person can see the focus on it. */
    private static final String FOCUS = """
            selector => {
              const e = document.activeElement;
              if (!e || e === document.body) return { name: 'nothing', matches: false, visible: true };
              const s = getComputedStyle(e);
              const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
              const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "'
                  + (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 30) + '"';
              return { name, matches: e.matches(selector), visible };
            }""";

    /**
     * Moves the focus with the Tab key only, as someone without a mouse does, until it reaches the element the selector
     * names; every element it passes on the way shows where the focus is (WCAG 2.4.7).
     */
    static void tabTo(Page page, String selector) {
        List<String> passed = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            page.keyboard().press("Tab");
            @SuppressWarnings("unchecked")
            Map<String, Object> focus = (Map<String, Object>) page.evaluate(FOCUS, selector);
            String name = String.valueOf(focus.get("name"));
            if (!Boolean.TRUE.equals(focus.get("visible"))) {
                throw new AssertionError("The keyboard focus on " + name + " at " + page.url() + " cannot be seen");
            }
            if (Boolean.TRUE.equals(focus.get("matches"))) {
                return;
            }
            passed.add(name);
        }
        throw new AssertionError("Tab never reached " + selector + " on " + page.url() + "; it passed " + passed);
    }

    /** Every accessibility rule axe-core checks (WCAG 2.1 A and AA) passes on the page as it is now. */
    private static void assertAxeClean(Page page) {
        List<Axe.Violation> violations = Axe.violations(page);
        if (!violations.isEmpty()) {
            throw new AssertionError("Accessibility problems on " + page.url() + ":\n"
                    + violations.stream().map(Axe.Violation::toString).collect(Collectors.joining("\n")));
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
