package fi.askel.content;

import io.quarkus.qute.TemplateExtension;
import java.util.regex.Pattern;

/**
 * A step's text on its own page. The text is rendered once for the module page, where it sits under the
 * module (h1) and step (h2) titles, so its headings start at h3 (Markdown); on the step page the step's
 * title is the h1, and the same headings move up one level so that none is skipped.
 */
@TemplateExtension
final class StepTextExtensions {

    /** Opening and closing heading tags h3–h6 of the sanitised HTML (attributes are kept as they are). */
    private static final Pattern HEADING = Pattern.compile("<(/?)h([3-6])([\\s>])");

    private StepTextExtensions() {}

    static String underPageTitle(String html) {
        return html == null ? null
                : HEADING.matcher(html).replaceAll(m -> "<" + m.group(1) + "h" + (Integer.parseInt(m.group(2)) - 1) + m.group(3));
    }
}
