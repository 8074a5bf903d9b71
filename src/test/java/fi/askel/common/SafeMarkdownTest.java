package fi.askel.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rendered texts SafeMarkdown keeps have a limit (what it renders is tested through its users, e.g. MarkdownTest). */
class SafeMarkdownTest {

    @Test
    void a_text_is_rendered_once_and_the_kept_texts_never_pass_the_limit() {
        SafeMarkdown markdown = new SafeMarkdown(1, false, false);
        String first = markdown.toHtml("# Otsikko\n\nTeksti");
        assertSame(first, markdown.toHtml("# Otsikko\n\nTeksti"), "the second read is the kept rendering");
        assertTrue(first.contains("<h2>Otsikko</h2>"), first);
        for (int i = 0; i < SafeMarkdown.CACHE_LIMIT * 2 + 7; i++) {
            markdown.toHtml("Muokattu teksti " + i);
            assertTrue(markdown.cached() <= SafeMarkdown.CACHE_LIMIT, "kept " + markdown.cached() + " after " + i);
        }
        assertEquals("<p>Muokattu teksti 1</p>\n", markdown.toHtml("Muokattu teksti 1"), "a text rendered again after the reset");
    }
}
