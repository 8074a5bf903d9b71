package fi.askel.browser;

import com.microsoft.playwright.Page;
import java.net.URI;
import java.nio.file.Path;

/**
 * What a journey leaves behind for people to look at: every page it passes, photographed as a desktop (1280 px)
 * and a phone (390 px) sees it, under {@code target/screenshots/<journey>/<step>-<width>.png}. The help pages
 * and anyone reviewing a change can use the pictures; the file names stay the same from run to run.
 */
final class JourneyRecord {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int[] WIDTHS = {1280, 390};

    private static String journey = "unnamed";
    private static int step;

    private JourneyRecord() {
    }

    /** The journey under way (the test class and method); steps are numbered from 1 in each. */
    static void begin(String name) {
        journey = name;
        step = 0;
    }

    static String journey() {
        return journey;
    }

    /**
     * Starts the journey's next step (its name: its number and the page's path) and says whether this is the first
     * run of it: a journey run once per language (a parameterized test) names its steps the same each time, and its
     * pictures are taken in the first language it runs in (Finnish); the other runs would only overwrite them.
     */
    static boolean nextStep(Page page) {
        currentStep = String.format("%02d-%s", ++step, slug(page.url()));
        return PHOTOGRAPHED.add(journey + "/" + currentStep);
    }

    private static final java.util.Set<String> PHOTOGRAPHED = new java.util.HashSet<>();
    private static String currentStep;

    /** Photographs the whole page of the step under way at this width (the window is left at that width; not resized if it has it). */
    static void photograph(Page page, int width) {
        com.microsoft.playwright.options.ViewportSize now = page.viewportSize();
        if (now == null || now.width != width) {
            page.setViewportSize(width, width >= 1000 ? 800 : 844);
        }
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(SCREENSHOTS.resolve(journey).resolve(currentStep + "-" + width + ".png")));
    }

    /** The page's path as a file name, ids left out so that the name is the same in every run: /assignments/12/steps/x is assignments-n-steps-x. */
    static String slug(String url) {
        String path = java.util.Objects.toString(URI.create(url).getPath(), "").replaceAll("/\\d+(?=/|$)", "/n").replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return path.isEmpty() ? "home" : path;
    }
}
