package fi.askel.common.web;

import fi.askel.common.Messages;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ParserHelper;
import io.quarkus.qute.ParserHook;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a page's fixed texts into the template once per language, when Qute reads it, instead of looking each up
 * at every render.
 *
 * <p>Most of what a page prints is {@code {data:page.t('some.key')}}: a text that depends only on the reader's
 * language. Qute evaluates each such expression at every render (on a client's page for their specialist about a
 * hundred, more in loops), through its resolvers, and that was a large part of rendering. Before a template is
 * parsed, this turns its content into one copy per language, each with those texts written in (escaped as Qute
 * would escape them), chosen by {@code data:page.lang}:
 *
 * <pre>
 * {#if data:page.lang == 'sv'}…sv texts…{#else if data:page.lang == 'en'}…en texts…{#else}…fi texts…{/if}
 * </pre>
 *
 * The last copy is Finnish, as {@link Messages} falls back to it. Only that exact form is folded: a text with
 * arguments, a key made at render time ({@code tk}), a text as a section's parameter, or a text with a brace or
 * a backslash (which Qute would read as template syntax) stays an expression. Templates without such texts, and
 * templates with an include left open for Qute to close at their end, are left as they are. Build-time validation
 * checks the templates as written: this runs at run time only. {@code TextFoldingTest} renders templates both ways
 * and compares.
 */
@Singleton
public class TextFolding implements ParserHook {

    static final Pattern FIXED_TEXT = Pattern.compile("\\{data:page\\.t\\('([A-Za-z0-9_.\\-]+)'\\)}");
    /** An include that is not closed in its own tag ({@code {#include x /}} is). */
    private static final Pattern OPEN_INCLUDE = Pattern.compile("\\{#include\\b[^}]*(?<!/)}");
    private static final Pattern CLOSE_INCLUDE = Pattern.compile("\\{/include}");
    private static final Pattern DECLARATION = Pattern.compile("\\{@[^}]*}\\s*");
    private static final HtmlEscaper HTML = new HtmlEscaper(List.of("text/html"));

    private final Messages messages;

    public TextFolding(Messages messages) {
        this.messages = messages;
    }

    void register(@Observes EngineBuilder builder) {
        builder.addParserHook(this);
    }

    @Override
    public void beforeParsing(ParserHelper parser) {
        parser.addContentFilter(this::fold);
    }

    /** The template's content with one copy per language, or the content itself when there is nothing to fold. */
    String fold(String content) {
        // Qute closes an include left open at the end of a template; in a copy followed by the next, it would take
        // that in. Such a template (or one whose includes cannot be counted so) is left as it is.
        if (!FIXED_TEXT.matcher(content).find() || count(OPEN_INCLUDE, content) != count(CLOSE_INCLUDE, content)) {
            return content;
        }
        // Parameter declarations ({@Type name}) stay once, before the copies.
        StringBuilder declarations = new StringBuilder();
        Matcher d = DECLARATION.matcher(content);
        while (d.find()) {
            declarations.append(d.group());
        }
        String body = DECLARATION.matcher(content).replaceAll("");
        StringBuilder out = new StringBuilder(declarations.length() + 3 * body.length() + 120).append(declarations);
        List<String> others = Messages.LANGUAGES.stream().filter(l -> !l.equals(Messages.DEFAULT_LANGUAGE)).toList();
        for (int i = 0; i < others.size(); i++) {
            out.append(i == 0 ? "{#if" : "{#else if").append(" data:page.lang == '").append(others.get(i)).append("'}");
            out.append(in(body, others.get(i)));
        }
        // No line breaks of its own: a tag alone on a line is removed with its line, so the output keeps its lines.
        out.append("{#else}").append(in(body, Messages.DEFAULT_LANGUAGE)).append("{/if}");
        return out.toString();
    }

    private static long count(Pattern pattern, String content) {
        return pattern.matcher(content).results().count();
    }

    private String in(String body, String lang) {
        return replace(body, key -> {
            String text = messages.get(lang, key);
            return text.indexOf('{') >= 0 || text.indexOf('}') >= 0 || text.indexOf('\\') >= 0 ? null : HTML.map(text, null);
        });
    }

    /** Each fixed text's expression replaced by {@code text(key)}, or kept where that is null. */
    static String replace(String body, UnaryOperator<String> text) {
        Matcher m = FIXED_TEXT.matcher(body);
        StringBuilder out = new StringBuilder(body.length());
        int last = 0;
        while (m.find()) {
            String folded = text.apply(m.group(1));
            out.append(body, last, m.start()).append(folded == null ? m.group() : folded);
            last = m.end();
        }
        return out.append(body, last, body.length()).toString();
    }
}
