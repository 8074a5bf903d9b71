package fi.askel.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.qute.Engine;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.Mapper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.TemplateInstanceBase;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.Variant;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code data:} reads the template's own data from its map, with the same result as Qute's own resolver. */
class RootDataTest {

    /** How often Qute's own way (evaluating the name against the data map through the resolvers) read {@code x}. */
    private final AtomicInteger slowReads = new AtomicInteger();

    private Engine engine(boolean rootData) {
        EngineBuilder builder = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
                .addValueResolver(ValueResolver.builder().priority(100)
                        .appliesTo(c -> c.getBase() instanceof TemplateInstanceBase.DataMap && c.getName().equals("x"))
                        .resolveAsync(c -> {
                            slowReads.incrementAndGet();
                            return CompletableFuture.completedFuture(((Mapper) c.getBase()).get("x"));
                        }).build());
        if (rootData) {
            builder.addNamespaceResolver(new RootData());
        }
        builder.addLocator(id -> "inner".equals(id)
                ? Optional.of(new TemplateLocation() {
                    @Override
                    public Reader read() {
                        return new StringReader("[{data:x}]");
                    }

                    @Override
                    public Optional<Variant> getVariant() {
                        return Optional.empty();
                    }
                })
                : Optional.empty());
        return builder.build();
    }

    private static TemplateInstance withData(TemplateInstance t) {
        return t.data("x", "ab").data("items", List.of(1, 2)).data("none", null);
    }

    @Test
    void the_same_output_without_asking_the_resolvers() {
        String template = "{data:x} {data:x.length} {#for i in data:items}{i}{data:x}{/for} {data:none ?: 'empty'}"
                + " {#let x = 'shadowed'}{x}/{data:x}{/let} {#include inner /}";
        String expected = withData(engine(false).parse(template).instance()).render();
        int qutesOwn = slowReads.getAndSet(0);
        assertEquals("ab 2 1ab2ab empty shadowed/ab [ab]", expected);
        assertEquals(withData(engine(true).parse(template).instance()).render(), expected);
        assertTrue(qutesOwn >= 6, "Qute's own resolver read x through the resolvers at each use: " + qutesOwn);
        assertEquals(0, slowReads.get(), "RootData read x from the map");
    }

    @Test
    void names_not_in_the_data_are_left_to_qute() {
        // Qute's own resolver says what is missing; so it still does
        for (Engine engine : List.of(engine(false), engine(true))) {
            TemplateException e = assertThrows(TemplateException.class, () -> engine.parse("{data:missing}").data("x", "ab").render());
            assertTrue(e.getMessage().contains("Key \"missing\" not found in the template data map"), e.getMessage());
        }
    }
}
