package fi.askel.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.askel.common.Messages;
import io.quarkus.qute.Engine;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.Variant;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Folded templates render exactly what the expressions they replace would have, in every language. */
class TextFoldingTest {

    /** What a page's template sees as {@code page}: its language and its texts. */
    record Page(String lang, Messages messages) {}

    private static final Messages MESSAGES = new Messages();
    private static final TextFolding FOLDING = new TextFolding(MESSAGES);

    private static Engine engine(boolean folding) {
        EngineBuilder builder = Engine.builder().addDefaults()
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
                .addValueResolver(ValueResolver.builder().appliesTo(c -> c.getBase() instanceof Page).resolveAsync(c -> {
                    Page page = (Page) c.getBase();
                    if (c.getName().equals("lang")) {
                        return CompletableFuture.<Object>completedFuture(page.lang());
                    }
                    return c.evaluate(c.getParams().get(0)).<Object>thenApply(key -> page.messages().get(page.lang(), (String) key));
                }).build());
        if (folding) {
            builder.addParserHook(FOLDING);
        }
        return builder.build();
    }

    private static String render(Engine engine, String template, String lang) {
        return engine.parse(template, Variant.forContentType(Variant.TEXT_HTML)).data("page", new Page(lang, MESSAGES)).render();
    }

    @Test
    void every_text_in_every_language_renders_as_its_expression_did() {
        // Every key of the bundles, as element content and as an attribute: quotes, ampersands, angle brackets and
        // texts with braces (kept as expressions) all come out as Qute's escaping made them.
        StringBuilder template = new StringBuilder("{@java.lang.String unused}\n<ul>\n");
        new TreeSet<>(MESSAGES.keys(Messages.DEFAULT_LANGUAGE)).forEach(key -> template
                .append("<li title=\"{data:page.t('").append(key).append("')}\">{data:page.t('").append(key).append("')}</li>\n"));
        template.append("</ul>");
        Engine plain = engine(false);
        Engine folded = engine(true);
        for (String lang : Messages.LANGUAGES) {
            String expected = render(plain, template.toString(), lang);
            String actual = render(folded, template.toString(), lang);
            List<String> expectedLines = expected.lines().toList();
            List<String> actualLines = actual.lines().toList();
            for (int i = 0; i < Math.min(expectedLines.size(), actualLines.size()); i++) {
                assertEquals(expectedLines.get(i), actualLines.get(i), lang + ", line " + (i + 1));
            }
            assertEquals(expected, actual, lang + ": the same lines, but not the same text");
        }
        // Sanity: the rendered texts differ by language, and escaping happened.
        assertFalse(render(plain, "{data:page.t('layout.skip')}", "fi").equals(render(plain, "{data:page.t('layout.skip')}", "sv")));
        assertTrue(render(plain, template.toString(), "fi").contains("&quot;"));
    }

    @Test
    void fixed_texts_are_written_in_and_others_stay_expressions() {
        String source = "{@fi.askel.common.web.PageContext page}\n<h1>{data:page.t('layout.skip')}</h1>"
                + "<p>{data:page.t('call.peer.joined')}</p><p>{data:page.t1('goal.weight', 2)}</p>{data:page.tk('flag.', x)}";
        String folded = FOLDING.fold(source);
        assertTrue(folded.startsWith("{@fi.askel.common.web.PageContext page}\n{#if data:page.lang == 'sv'}<h1>"), folded);
        assertEquals(1, folded.split("\\{@", -1).length - 1, "the declaration stays once: " + folded);
        assertFalse(folded.contains("page.t('layout.skip')"), folded);
        for (String lang : Messages.LANGUAGES) {
            assertTrue(folded.contains("<h1>" + MESSAGES.get(lang, "layout.skip") + "</h1>"), lang + ": " + folded);
        }
        // "{name}" in the text would be read as an expression: that text stays one.
        assertEquals(3, folded.split("\\{data:page\\.t\\('call\\.peer\\.joined'\\)}", -1).length - 1, folded);
        assertEquals(3, folded.split("page\\.t1\\('goal\\.weight', 2\\)", -1).length - 1, folded);
        assertEquals(3, folded.split("page\\.tk\\('flag\\.', x\\)", -1).length - 1, folded);
    }

    @Test
    void an_include_left_open_for_qute_to_close_renders_the_same() {
        // Qute closes an include left open at the end of a template: in a folded copy it would take in the copies
        // after it, and the page came out empty (the client's printable programme did).
        for (String page : List.of("{#include layout}\n<h1>{data:page.t('layout.skip')}</h1>\n",
                "{#include layout}\n<h1>{data:page.t('layout.skip')}</h1>\n{/include}\n")) {
            for (String lang : Messages.LANGUAGES) {
                String expected = render(withLayout(engine(false)), page, lang);
                assertTrue(expected.contains("<main><h1>" + MESSAGES.get(lang, "layout.skip") + "</h1>"), expected);
                assertEquals(expected, render(withLayout(engine(true)), page, lang), lang + ": " + page);
            }
        }
    }

    private static Engine withLayout(Engine engine) {
        engine.putTemplate("layout", engine.parse("<main>{#insert}{/}</main>", Variant.forContentType(Variant.TEXT_HTML)));
        return engine;
    }

    @Test
    void a_template_without_fixed_texts_is_left_as_it_is() {
        String source = "<p>{data:page.t1('goal.weight', 2)} {name}</p>";
        assertSame(source, FOLDING.fold(source));
    }
}
