package fi.askel.content.authoring;

import fi.askel.content.ImageFiles;
import fi.askel.content.Module;
import fi.askel.content.ModuleLoader;
import fi.askel.content.ModuleProblem;
import fi.askel.content.SafetyText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a draft with the loader itself: the draft is written out as a module folder in the exercises/
 * format (module.yaml and a Markdown file per step text and language, beside the shared _safety folder)
 * and loaded as a shipped module is, so the rules and messages are the same. Each message is then tied
 * to the draft path it concerns.
 */
public final class DraftCheck {

    /** One thing the loader found wrong, at a draft path (empty when it concerns the whole module). */
    public record Problem(String path, String message) {

        /**
         * Whether it only says something is not written yet (a field, a text, an entry of a list), in the
         * loader's own words. A draft may have such gaps; what is written wrongly is refused.
         */
        public boolean isGap() {
            return !IMAGE.matcher(path).find() && GAP.matcher(message).find();
        }

        /** Whether it concerns the value at {@code prefix} or anything inside it. */
        boolean within(String prefix) {
            return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + ".");
        }
    }

    /** The loaded module (null when there are problems) and the problems. */
    record Result(Module module, List<Problem> problems) {
        List<Problem> within(String prefix) {
            return problems.stream().filter(p -> p.within(prefix)).toList();
        }
    }

    /** A picture's file and description are never left for later: without them a client cannot see or hear it. */
    private static final Pattern IMAGE = Pattern.compile("(^|\\.)images(\\.|$)");
    private static final Pattern GAP = Pattern.compile("is missing|\\bneeds\\b|must be (a )?non-empty");
    private static final Pattern MISSING_FIELD = Pattern.compile("is missing \"([A-Za-z]+)\"");
    private static final Pattern STEP_TEXT = Pattern.compile("in ([a-z0-9-]+)\\.(fi|sv|en)\\.md");

    private DraftCheck() {}

    /**
     * {@code pictures}: the draft's uploaded pictures as files by name (PictureFiles), checked beside the shipped ones
     * of the module's folder (an uploaded one wins over a shipped one of the same name).
     */
    static Result check(Map<String, Object> module, String version, Path exercises, Map<String, Path> pictures) {
        Path root = null;
        try {
            root = Files.createTempDirectory("askel-draft-");
            Path shared = exercises.toAbsolutePath().resolve(SafetyText.FOLDER);
            if (Files.isDirectory(shared)) {
                Files.createSymbolicLink(root.resolve(SafetyText.FOLDER), shared);
            }
            String slug = DraftTree.text(module, "slug").strip();
            Path folder = root.resolve(DraftTree.KEY.matcher(slug).matches() ? slug : "module");
            Files.createDirectory(folder);
            linkImages(exercises.toAbsolutePath().resolve(folder.getFileName()), folder);
            for (Map.Entry<String, Path> p : pictures.entrySet()) {
                Files.deleteIfExists(folder.resolve(p.getKey()));
                Files.createSymbolicLink(folder.resolve(p.getKey()), p.getValue().toAbsolutePath());
            }
            DraftJson.Written manifest = DraftJson.write(module, version);
            Files.writeString(folder.resolve(ModuleLoader.MANIFEST), manifest.text(), StandardCharsets.UTF_8);
            writeTexts(module, folder);
            List<ModuleProblem> found = new ArrayList<>();
            Module loaded = ModuleLoader.load(folder, found);
            List<Problem> problems = found.stream().map(p -> locate(p, manifest, module)).distinct().toList();
            return new Result(problems.isEmpty() ? loaded : null, problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(root);
        }
    }

    /**
     * The illustrations of the shipped module the draft is a copy of (same slug), which the draft may name as well as
     * its uploaded ones.
     */
    private static void linkImages(Path shipped, Path folder) throws IOException {
        if (!Files.isDirectory(shipped)) {
            return;
        }
        try (Stream<Path> files = Files.list(shipped)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (ImageFiles.NAME.matcher(f.getFileName().toString()).matches()) {
                    Files.createSymbolicLink(folder.resolve(f.getFileName().toString()), f);
                }
            }
        }
    }

    /** Each step's Markdown text, one file per language, as the loader reads them. */
    private static void writeTexts(Map<String, Object> module, Path folder) throws IOException {
        List<Object> steps = DraftTree.list(module, "steps");
        if (steps == null) {
            return;
        }
        for (Object step : steps) {
            String key = DraftTree.text(step, "key").strip();
            Map<String, String> text = DraftJson.filled(DraftTree.get(step, DraftTree.BODY));
            if (text != null && DraftTree.KEY.matcher(key).matches()) {
                for (Map.Entry<String, String> e : text.entrySet()) {
                    Files.writeString(folder.resolve(key + "." + e.getKey() + ".md"), e.getValue() + "\n",
                            StandardCharsets.UTF_8);
                }
            }
        }
    }

    /** The draft path a loader problem concerns. */
    private static Problem locate(ModuleProblem p, DraftJson.Written manifest, Map<String, Object> module) {
        String file = p.file().getFileName() == null ? "" : p.file().getFileName().toString();
        Matcher text = STEP_TEXT.matcher(file.endsWith(".md") ? "in " + file : p.message());
        String path;
        if (text.find()) {
            path = stepPath(module, text.group(1)) + "." + DraftTree.BODY + "." + text.group(2);
        } else if (file.equals(ModuleLoader.MANIFEST)) {
            path = manifest.pathAt(p.line());
            Matcher missing = MISSING_FIELD.matcher(p.message());
            if (missing.find()) {
                path = (path.isEmpty() ? "" : path + ".") + missing.group(1);
            }
        } else {
            path = "";
        }
        return new Problem(path, p.message());
    }

    private static String stepPath(Map<String, Object> module, String key) {
        List<Object> steps = DraftTree.list(module, "steps");
        for (int i = 0; steps != null && i < steps.size(); i++) {
            if (key.equals(DraftTree.text(steps.get(i), "key").strip())) {
                return "steps." + i;
            }
        }
        return "steps";
    }

    static void delete(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            // The _safety link is removed, never followed.
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
