package fi.askel.content;

import fi.askel.common.SafeMarkdown;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Module texts as safe HTML (see {@link SafeMarkdown}). Headings start at h3 because the page already
 * has the module (h1) and step (h2) titles; a heading that opens the text repeats the step title and
 * is left out. Images only from https addresses.
 */
@ApplicationScoped
public class Markdown {

    private final SafeMarkdown renderer = new SafeMarkdown(2, true, true);

    public String toHtml(String markdown) {
        return renderer.toHtml(markdown);
    }

    /**
     * A text being written, as the client's step page shows it (its headings under the step's h1): the same
     * rendering, not cached, since each keystroke of an author's live preview is a new text seen once.
     */
    public String preview(String markdown) {
        return StepTextExtensions.underPageTitle(renderer.toHtmlOnce(markdown));
    }
}
