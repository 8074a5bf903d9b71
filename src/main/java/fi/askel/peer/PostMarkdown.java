package fi.askel.peer;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown-lite for posts, rendered by escaping: emphasis, lists, quotes, code and links; no headings,
 * no raw HTML (shown as text), no images (a picture from elsewhere could track readers; it becomes a
 * link), only http(s) and mailto links, each with rel="nofollow noopener noreferrer" and opening in
 * the same tab. Line breaks are kept as people type them.
 */
@ApplicationScoped
public class PostMarkdown {

    private static final Pattern SAFE_LINK = Pattern.compile("^(https?://|mailto:)", Pattern.CASE_INSENSITIVE);

    private final Parser parser = Parser.builder()
            .enabledBlockTypes(Set.of(BlockQuote.class, ListBlock.class, FencedCodeBlock.class))
            .build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br>\n")
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link) {
                    String href = attributes.getOrDefault("href", "");
                    if (SAFE_LINK.matcher(href).find()) {
                        attributes.put("rel", "nofollow noopener noreferrer");
                    } else {
                        attributes.remove("href");
                    }
                    attributes.remove("title");
                }
            })
            .build();

    public String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = parser.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                Link link = new Link(image.getDestination(), null);
                String alt = altText(image);
                link.appendChild(new Text(alt.isBlank() ? image.getDestination() : alt));
                image.insertBefore(link);
                image.unlink();
            }
        });
        return renderer.render(document);
    }

    /** A short plain-text excerpt (for the moderators' queue and reply references). */
    public static String excerpt(String body, int max) {
        if (body == null) {
            return "";
        }
        String plain = body.replaceAll("\\s+", " ").trim();
        return plain.length() <= max ? plain : plain.substring(0, max - 1) + "…";
    }

    private static String altText(Image image) {
        StringBuilder text = new StringBuilder();
        image.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }
        });
        return text.toString();
    }
}
