package fi.askel.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Clip;
import fi.askel.web.HelpGuides;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The pictures of the help guides ({@link HelpGuides}): a region of a real page as a phone shows it (390 px wide),
 * cropped so that each stays small. They are taken into {@code target/help-screenshots/}; the committed copies in
 * {@code frontend/static/help/} are rewritten only when the build is run with {@code -Dhelp.screenshots.update=true}
 * (the pictures change with every run: names, dates and ids, so they are not compared pixel by pixel).
 */
final class HelpPictures {

    static final Path TAKEN = Path.of("target", "help-screenshots");
    static final Path COMMITTED = Path.of("frontend", "static", "help");
    static final boolean UPDATE = Boolean.getBoolean("help.screenshots.update");
    static final int WIDTH = 390;
    /** A picture never shows more than this much of a page: the part of it the step is about. */
    static final int MAX_HEIGHT = 720;
    static final long MAX_BYTES = 80 * 1024;

    private HelpPictures() {
    }

    /** Forgets the pictures an earlier run took in the language, so that only this run's count as taken. */
    static void forget(String lang) {
        for (HelpGuides.Guide guide : HelpGuides.ALL) {
            for (HelpGuides.Picture picture : guide.pictures()) {
                try {
                    Files.deleteIfExists(TAKEN.resolve(file(picture.name(), lang)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** The file name of a guide's picture in a language, as the guide page asks for it. */
    static String file(String name, String lang) {
        return name + "-" + lang + ".png";
    }

    /**
     * Photographs the page from the top of {@code from} to the bottom of {@code to} (at most {@link #MAX_HEIGHT} px),
     * 390 px wide, as {@code <name>-<lang>.png}; the page gets its own window size back.
     */
    static void take(Page page, Locator from, Locator to, String name, String lang) {
        var own = page.viewportSize();
        try {
            page.setViewportSize(WIDTH, 1200);
            from.evaluate("e => e.scrollIntoView({ block: 'start' })");
            BoundingBox top = from.boundingBox();
            BoundingBox bottom = to.boundingBox();
            double y = Math.max(0, top.y - 8);
            double height = Math.min(MAX_HEIGHT, bottom.y + bottom.height + 8 - y);
            Path taken = TAKEN.resolve(file(name, lang));
            page.screenshot(new Page.ScreenshotOptions().setPath(taken).setAnimations(
                    com.microsoft.playwright.options.ScreenshotAnimations.DISABLED).setCaret(
                    com.microsoft.playwright.options.ScreenshotCaret.HIDE)
                    .setClip(new Clip(0, y, WIDTH, height)));
            assertTrue(Files.size(taken) <= MAX_BYTES, name + "-" + lang + ".png is " + Files.size(taken) / 1024
                    + " KB; crop it to the part the step is about (at most " + MAX_BYTES / 1024 + " KB)");
            if (UPDATE) {
                Files.createDirectories(COMMITTED);
                Files.copy(taken, COMMITTED.resolve(taken.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (own != null) {
                page.setViewportSize(own.width, own.height);
            }
        }
    }

    static void take(Page page, Locator region, String name, String lang) {
        take(page, region, region, name, lang);
    }

    /**
     * Every picture the guides show in the language is committed, is a PNG no wider than a phone and is small;
     * and this run took each of them (a picture the guide names but no journey takes would go stale unnoticed).
     */
    static void assertCommitted(String lang) {
        List<String> problems = new ArrayList<>();
        for (HelpGuides.Guide guide : HelpGuides.ALL) {
            for (HelpGuides.Picture picture : guide.pictures()) {
                String file = file(picture.name(), lang);
                if (!Files.exists(TAKEN.resolve(file))) {
                    problems.add(file + " was not taken by this run");
                }
                Path committed = COMMITTED.resolve(file);
                try {
                    if (!Files.exists(committed)) {
                        problems.add(committed + " is missing (run with -Dhelp.screenshots.update=true and commit it)");
                    } else if (Files.size(committed) > MAX_BYTES) {
                        problems.add(committed + " is " + Files.size(committed) / 1024 + " KB, more than " + MAX_BYTES / 1024);
                    } else if (width(committed) != WIDTH) {
                        problems.add(committed + " is " + width(committed) + " px wide, not " + WIDTH);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The width a PNG's header gives (bytes 16–19 of the IHDR chunk); 0 when the file is not a PNG. */
    static int width(Path png) throws IOException {
        byte[] head = new byte[24];
        try (var in = Files.newInputStream(png)) {
            if (in.readNBytes(head, 0, 24) < 24 || head[1] != 'P' || head[2] != 'N' || head[3] != 'G') {
                return 0;
            }
        }
        return ((head[16] & 0xff) << 24) | ((head[17] & 0xff) << 16) | ((head[18] & 0xff) << 8) | (head[19] & 0xff);
    }
}
