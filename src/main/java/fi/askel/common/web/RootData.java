package fi.askel.common.web;

import io.quarkus.qute.CompletedStage;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Mapper;
import io.quarkus.qute.NamespaceResolver;
import io.quarkus.qute.ResolutionContext;
import io.quarkus.qute.Results;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletionStage;

/**
 * {@code data:name} in a template: the template's own data, read from its map.
 *
 * <p>Pages reach their data as {@code data:page}, {@code data:o} and so on (TemplateRootDataTest says why), a few
 * hundred times per page. Qute's own resolver for the namespace parses the name into an expression at every use and
 * evaluates it through the resolvers. This one, asked first, reads the name from the data map the template was
 * rendered with; anything else (a method call, a name not in the map, data that is not a map) goes on to Qute's.
 * Quarkus adds every bean that is a namespace resolver to its engine.
 */
@Singleton
public class RootData implements NamespaceResolver {

    /** The attribute under which Qute gives a namespace resolver the template's own resolution context. */
    static final String ROOT_CONTEXT = "qute$rootContext";

    @Override
    public String getNamespace() {
        return "data";
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1; // before Qute's own
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
        if (context.getParams().isEmpty() && context.getAttribute(ROOT_CONTEXT) instanceof ResolutionContext root
                && root.getData() instanceof Mapper data && data.appliesTo(context.getName())) {
            return CompletedStage.of(data.get(context.getName()));
        }
        return Results.notFound(context);
    }
}
