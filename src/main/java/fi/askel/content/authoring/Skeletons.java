package fi.askel.content.authoring;

import fi.askel.content.steps.StepTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What a new step of each type starts as: templates/steps/&lt;type&gt;/new.yaml, beside the type's form,
 * review and editor templates. The first entry of each of its lists is what the editor's "add" copies.
 */
final class Skeletons {

    private Skeletons() {}

    /** A new step of the type (texts empty), or null for a type the loader does not know. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> step(String type) {
        if (StepTypes.byName(type) == null) {
            return null;
        }
        String resource = "templates/steps/" + type + "/new.yaml";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: every step type needs one");
            }
            var node = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new InputStreamReader(in, StandardCharsets.UTF_8));
            return (Map<String, Object>) DraftTree.fromYaml(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The entry to add to the list at {@code listPath} of a step of this type (indices left out: the
     * skeleton has one of each), or null when the skeleton has no such list.
     */
    static Object prototype(String type, String listPath) {
        Object at = step(type);
        for (String segment : listPath.split("\\.")) {
            if (DraftTree.isIndex(segment)) {
                continue;
            }
            at = at instanceof Map<?, ?> m ? m.get(segment) : null;
            if (at instanceof List<?> l) {
                at = l.isEmpty() ? null : l.get(0);
            }
        }
        return at instanceof Map<?, ?> ? at : null;
    }
}
