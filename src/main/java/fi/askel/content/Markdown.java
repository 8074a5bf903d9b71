package fi.askel.content;

import jakarta.enterprise.context.ApplicationScoped;
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
 * Module texts as safe HTML: raw HTML in the Markdown is shown as text, link targets are limited to
 * safe schemes, links carry rel="nofollow noopener noreferrer", and headings start at h3 because the
 * page already has the module (h1) and step (h2) titles. A heading that opens the text repeats the
 * step title and is left out. Each text is rendered once.
 */
@ApplicationScoped
public class Markdown {

    /** Web and mail links and addresses on this site; anything else (javascript:, data:, …) goes nowhere. */
    private static final Pattern SAFE_LINK = Pattern.compile("^(https?://|mailto:|tel:|/[^/\\\\]|#)", Pattern.CASE_INSENSITIVE);

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
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
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public String toHtml(String markdown) {
        return markdown == null ? "" : cache.computeIfAbsent(markdown, this::render);
    }

    private String render(String markdown) {
        Node document = parser.parse(markdown);
        if (document.getFirstChild() instanceof Heading first && first.getLevel() == 1) {
            first.unlink();
        }
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + 2));
                visitChildren(heading);
            }
        });
        return renderer.render(document);
    }
}
