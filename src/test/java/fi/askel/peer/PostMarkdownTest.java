package fi.askel.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Markdown-lite for posts renders a list of XSS payloads inert and keeps the formatting people use. */
class PostMarkdownTest {

    private final PostMarkdown markdown = new PostMarkdown();

    @Test
    void xss_payloads_are_inert() {
        for (String payload : XssPayloads.LIST) {
            String html = markdown.toHtml("Hello\n\n" + payload + "\n\nand " + payload);
            List<String> problems = XssPayloads.problems(html);
            assertEquals(List.of(), problems, payload + " → " + html);
        }
    }

    @Test
    void formatting_and_links() {
        String html = markdown.toHtml("**Bold** and *italic*\nnext line\n\n- one\n- two\n\n> quoted\n\n"
                + "[Kela](https://www.kela.fi) ![pic](https://example.org/p.png)\n\n# Not a heading");
        assertTrue(html.contains("<strong>Bold</strong>"), html);
        assertTrue(html.contains("<em>italic</em><br>"), html);
        assertTrue(html.contains("<li>one</li>"), html);
        assertTrue(html.contains("<blockquote>"), html);
        assertTrue(html.contains("<a rel=\"nofollow noopener noreferrer\" href=\"https://www.kela.fi\">Kela</a>"), html);
        assertTrue(html.contains("<a rel=\"nofollow noopener noreferrer\" href=\"https://example.org/p.png\">pic</a>"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<h1"), html);
    }
}
