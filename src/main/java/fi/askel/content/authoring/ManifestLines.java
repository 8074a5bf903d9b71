package fi.askel.content.authoring;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Which field of a module.yaml each line starts (e.g. line 14 → {@code steps.1.title}), so a loader problem reported
 * at a line names its field too. The outermost field wins on a line ({@code - key: x} is the step, not its key).
 */
final class ManifestLines {

    private ManifestLines() {}

    /** Line (1-based) → field path; empty when the file cannot be read as YAML (the loader says why). */
    static Map<Integer, String> fields(Path manifest) {
        Map<Integer, String> at = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            walk(new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader), "", at);
        } catch (IOException | YAMLException e) {
            // no fields: the problems still name file and line
        }
        return at;
    }

    private static void walk(Node node, String path, Map<Integer, String> at) {
        String prefix = path.isEmpty() ? "" : path + ".";
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    at.putIfAbsent(k.getStartMark().getLine() + 1, prefix + k.getValue());
                    walk(t.getValueNode(), prefix + k.getValue(), at);
                }
            }
        } else if (node instanceof SequenceNode s) {
            for (int i = 0; i < s.getValue().size(); i++) {
                at.putIfAbsent(s.getValue().get(i).getStartMark().getLine() + 1, prefix + i);
                walk(s.getValue().get(i), prefix + i, at);
            }
        }
    }
}
