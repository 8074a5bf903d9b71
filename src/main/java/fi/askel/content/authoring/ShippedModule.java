package fi.askel.content.authoring;

import fi.askel.common.Messages;
import fi.askel.content.ModuleLoader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** A shipped module's folder (exercises/&lt;slug&gt;/) read into a draft tree: module.yaml as written, each step's texts. */
final class ShippedModule {

    private ShippedModule() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> tree(Path exercises, String slug) {
        Path folder = exercises.resolve(slug);
        try (Reader reader = Files.newBufferedReader(folder.resolve(ModuleLoader.MANIFEST), StandardCharsets.UTF_8)) {
            Map<String, Object> tree = (Map<String, Object>) DraftTree.fromYaml(
                    new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader));
            tree.remove("version"); // publishing gives the next one
            List<Object> steps = DraftTree.list(tree, "steps");
            for (Object step : steps == null ? List.<Object>of() : steps) {
                readTexts(folder, (Map<String, Object>) step);
            }
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** &lt;key&gt;.&lt;lang&gt;.md into the step's body, when the step has any. */
    private static void readTexts(Path folder, Map<String, Object> step) throws IOException {
        String key = DraftTree.text(step, "key");
        if (!DraftTree.KEY.matcher(key).matches()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        for (String lang : Messages.LANGUAGES) {
            Path file = folder.resolve(key + "." + lang + ".md");
            body.put(lang, Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "");
        }
        if (!DraftTree.isBlank(body)) {
            step.put(DraftTree.BODY, body);
        }
    }
}
