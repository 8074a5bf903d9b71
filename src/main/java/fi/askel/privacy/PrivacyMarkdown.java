package fi.askel.privacy;

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
 * The privacy notice as safe HTML. The notice is written by the provider's admin, so raw HTML is shown
 * as text, links go only to safe schemes, images are dropped, and headings move one level down because
 * the page already has its h1.
 */
@ApplicationScoped
public class PrivacyMarkdown {

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
            })
            .build();
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public String toHtml(String markdown) {
        return markdown == null ? "" : cache.computeIfAbsent(markdown, this::render);
    }

    private String render(String markdown) {
        Node document = parser.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + 1));
                visitChildren(heading);
            }

            @Override
            public void visit(Image image) {
                image.unlink();
            }
        });
        return renderer.render(document);
    }
}
