package fi.askel.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.qute.Engine;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import io.quarkus.qute.UserTagSectionHelper;
import io.quarkus.qute.Variant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Layouts render with the remembering {@code {#insert}} exactly as with Qute's own, nested and repeated alike. */
@QuarkusTest
class InsertSectionTest {

    @Inject
    Engine engine;

    /** Templates that exercise every way an insert finds its content. */
    private static final Map<String, String> TEMPLATES = Map.of(
            "base", "<title>{#insert title}untitled{/}</title><body>{#insert body}no body{/}</body>{#insert}main{/}",
            "framed", "{#include base}{#title}{#insert title}framed{/}!{/title}"
                    + "{#body}<div class=\"frame\">{#insert body}empty frame{/}</div>{/body}{/include}",
            "box", "<b>{#insert}box{/}</b>",
            "looped", "<ul>{#for i in items}{#if i > 1}<li>{#insert item}{i}{/}</li>{/if}{/for}</ul>");

    private static Engine engine(boolean remembering) {
        EngineBuilder builder = Engine.builder().addDefaults()
                .addSectionHelper(new UserTagSectionHelper.Factory("box", "box"))
                .addLocator(id -> Optional.ofNullable(TEMPLATES.get(id)).map(text -> new TemplateLocation() {
                    @Override
                    public Reader read() {
                        return new StringReader(text);
                    }

                    @Override
                    public Optional<Variant> getVariant() {
                        return Optional.empty();
                    }
                }));
        if (remembering) {
            builder.addSectionHelper(new InsertSection());
        }
        return builder.build();
    }

    @Test
    void pages_render_as_with_qutes_own_insert() {
        Engine qute = engine(false);
        Engine ours = engine(true);
        String[] pages = {
            // a page filling some slots of a layout and leaving others to their default
            "{#include base}{#title}Home{/title}<p>{x}</p>{/include}",
            // a layout within a layout reusing the slot names: the innermost page fills the inner slots
            "{#include framed}{#title}Page {x}{/title}{#body}<p>inside</p>{/body}{/include}",
            // the same page without the inner slots: each level's default
            "{#include framed}{/include}",
            // a slot inside a loop and a condition of the layout, filled with the loop's variable
            "{#include looped}{#item}[{i}]{/item}{/include}",
            // a tag's nested content inside a slot, and a tag inside a loop inside a slot
            "{#include base}{#body}{#for i in items}{#box}item{/box}{/for}{/body}{/include}",
            "{#include base}{#title}{#box}T{/box}{/title}{#box /}{/include}",
        };
        for (int round = 0; round < 2; round++) { // the second time from what was remembered
            for (String page : pages) {
                String expected = qute.parse(page).data("x", 7).data("items", List.of(1, 2)).render();
                String actual = ours.parse(page).data("x", 7).data("items", List.of(1, 2)).render();
                assertEquals(expected, actual, page);
            }
        }
        assertEquals("<ul><li>[2]</li></ul>", ours.parse(pages[3]).data("items", List.of(1, 2)).render());
        assertEquals("<title>Page 7!</title><body><div class=\"frame\"><p>inside</p></div></body>",
                ours.parse(pages[1]).data("x", 7).render());
    }

    @Test
    void an_insert_named_as_a_section_is_refused_as_qute_refuses_it() {
        assertThrows(TemplateException.class, () -> engine(true).parse("{#insert for}x{/}"));
        assertThrows(TemplateException.class, () -> engine(false).parse("{#insert for}x{/}"));
    }

    @Test
    void the_service_renders_with_it() {
        assertInstanceOf(InsertSection.Helper.class, engine.parse("{#insert}{/}").getNodes().get(0).asSection().getHelper());
        engine.putTemplate("insert-section-test-layout", engine.parse("<title>{#insert t}{/}</title>{#insert}{/}"));
        assertEquals("<title>A</title><p>B</p>",
                engine.parse("{#include insert-section-test-layout}{#t}A{/t}<p>B</p>{/include}").render());
    }
}
