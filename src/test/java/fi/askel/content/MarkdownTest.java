package fi.askel.content;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Module texts can never carry markup or scripts into a page. */
class MarkdownTest {

    private final Markdown markdown = new Markdown();

    @Test
    void raw_html_and_scripts_are_shown_as_text() {
        List<String> payloads = List.of(
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "<iframe src=\"https://evil.example\"></iframe>",
                "<a href=\"javascript:alert(1)\">click</a>",
                "[click](javascript:alert(1))",
                "[click](JaVaScRiPt:alert(1))",
                "![x](javascript:alert(1))",
                "<svg onload=alert(1)>",
                "<div style=\"background:url(javascript:alert(1))\">x</div>",
                "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)");
        for (String payload : payloads) {
            String html = markdown.toHtml("Text\n\n" + payload + "\n");
            assertFalse(html.contains("<script"), html);
            assertFalse(html.contains("<img src=\"x\""), html);
            assertFalse(html.contains("<iframe"), html);
            assertFalse(html.contains("<svg"), html);
            assertFalse(html.contains("<div"), html);
            assertFalse(html.toLowerCase().contains("href=\"javascript:"), html);
            assertFalse(html.toLowerCase().contains("src=\"javascript:"), html);
            assertFalse(html.contains("href=\"data:"), html);
        }
    }

    @Test
    void links_are_marked_and_headings_fit_under_the_step_title() {
        String html = markdown.toHtml("# Step title again\n\nRead [the guide](https://kela.fi).\n\n## Part\n\n- one\n- two\n");
        assertTrue(html.contains("rel=\"nofollow noopener noreferrer\""), html);
        assertTrue(html.contains("href=\"https://kela.fi\""), html);
        assertFalse(html.contains("Step title again"), html);
        assertTrue(html.contains("<h3>Part</h3>"), html);
        assertTrue(html.contains("<li>one</li>"), html);
    }

    @Test
    void headings_start_under_the_step_title_and_skip_no_level() {
        String html = markdown.toHtml("## Part\n\ntext\n\n#### Detail\n\nmore\n\n## Another part\n");
        assertTrue(html.contains("<h3>Part</h3>"), html);
        assertTrue(html.contains("<h4>Detail</h4>"), html);
        assertTrue(html.contains("<h3>Another part</h3>"), html);
    }
}
