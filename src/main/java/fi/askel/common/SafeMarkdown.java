package fi.askel.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown written by staff or content authors as safe HTML: raw HTML is shown as text, link targets
 * are limited to safe schemes and carry rel="nofollow noopener noreferrer", and headings move down
 * under the page's own without skipping a level (a skipped level is invalid HTML and loses screen-reader users). Each distinct text is rendered once (the texts are few and long-lived).
 */
public final class SafeMarkdown {

    /** Web and mail links and addresses on this site; anything else (javascript:, data:, …) goes nowhere. */
    private static final Pattern SAFE_LINK = Pattern.compile("^(https?://|mailto:|tel:|/[^/\\\\]|#)", Pattern.CASE_INSENSITIVE);

    private final int headingShift;
    private final boolean dropLeadingTitle;
    private final boolean images;
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer;
    /** More distinct texts than any provider's content and notices: past it, the cache starts over (edits can't grow it forever). */
    static final int CACHE_LIMIT = 2000;

    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /**
     * @param headingShift     where the text's headings start: its highest heading becomes h(1 + shift), and each
     *                         lower level it uses the next one down, so that no level is skipped
     * @param dropLeadingTitle leave out a level-1 heading that opens the text (it repeats the page's title)
     * @param images           keep images from https addresses; otherwise every image is dropped
     */
    public SafeMarkdown(int headingShift, boolean dropLeadingTitle, boolean images) {
        this.headingShift = headingShift;
        this.dropLeadingTitle = dropLeadingTitle;
        this.images = images;
        this.renderer = HtmlRenderer.builder()
                .escapeHtml(true)
                .sanitizeUrls(true)
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (node instanceof Link) {
                        attributes.put("rel", "nofollow noopener noreferrer");
                        attributes.computeIfPresent("href", (k, v) -> SAFE_LINK.matcher(v).find() ? v : "#");
                    }
                    if (node instanceof Image) {
                        attributes.computeIfPresent("src", (k, v) -> v.startsWith("https://") ? v : "");
                    }
                })
                .build();
    }

    public String toHtml(String markdown) {
        if (markdown == null) {
            return "";
        }
        String html = cache.get(markdown);
        if (html == null) {
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            html = cache.computeIfAbsent(markdown, this::render);
        }
        return html;
    }

    /** How many rendered texts are kept (for the test of the limit). */
    int cached() {
        return cache.size();
    }

    /** Rendered afresh and not kept: for texts seen once (an author's preview while typing would fill the cache). */
    public String toHtmlOnce(String markdown) {
        return markdown == null ? "" : render(markdown);
    }

    private String render(String markdown) {
        Node document = parser.parse(markdown);
        if (dropLeadingTitle && document.getFirstChild() instanceof Heading first && first.getLevel() == 1) {
            first.unlink();
        }
        java.util.List<Heading> headings = new java.util.ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                headings.add(heading);
                visitChildren(heading);
            }

            @Override
            public void visit(Image image) {
                if (!images) {
                    image.unlink();
                }
            }
        });
        // "## A" under "# Title" (dropped) and "#### B" under "## A" become h(1 + shift) and the level below it.
        java.util.List<Integer> used = headings.stream().map(Heading::getLevel).distinct().sorted().toList();
        headings.forEach(h -> h.setLevel(Math.min(6, 1 + headingShift + used.indexOf(h.getLevel()))));
        return renderer.render(document);
    }
}
