package fi.askel.content.authoring;

import fi.askel.common.ApiException;
import fi.askel.common.Messages;
import fi.askel.content.ImageFiles;
import fi.askel.content.Module;
import fi.askel.content.ModuleCatalog;
import fi.askel.content.ModuleLoader;
import fi.askel.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A module as a zip of one folder in the exercises/ format, for providers to exchange and to ship as files: a shipped
 * version is its folder byte for byte; a version published in the browser, or a draft, is written out as module.yaml
 * (block YAML), a Markdown file per step text and language, and the pictures its steps use (uploaded or shipped). What is exported
 * loads with {@link ModuleLoader} and imports again ({@link ModuleImport}).
 */
@ApplicationScoped
public class ModuleExport {

    /** A zip to send: its file name ({@code <slug>.zip}) and bytes. */
    public record Zip(String fileName, byte[] bytes) {}

    private static final Pattern WHOLE_NUMBER = Pattern.compile("^-?[0-9]{1,9}$");
    /** Every entry gets the same time, so the same module always makes the same bytes. */
    private static final LocalDateTime STAMP = LocalDateTime.of(2026, 1, 1, 0, 0);

    private final DraftService drafts;
    private final ModuleCatalog catalog;

    public ModuleExport(DraftService drafts, ModuleCatalog catalog) {
        this.drafts = drafts;
        this.catalog = catalog;
    }

    /**
     * A module's current version, or {@code version}: the files' one, or one published in the browser. 404 for an
     * unknown module, and for an older version from the files (only its snapshot is kept, not its folder).
     */
    @Transactional
    public Zip module(Caller caller, String slug, Integer version) {
        drafts.requireAuthor(caller);
        Module current = catalog.find(slug == null ? "" : slug).orElseThrow(() -> ApiException.notFound("module"));
        int wanted = version == null ? current.version() : version;
        var publisher = Draft.findPublisher(current.slug(), wanted);
        if (publisher.isPresent()) {
            return zip(current.slug(), written(publisher.get(), drafts.tree(publisher.get()), current.slug(), wanted));
        }
        if (catalog.shippedVersion(current.slug()).filter(v -> v == wanted).isPresent()) {
            return zip(current.slug(), shipped(catalog.dir().resolve(current.slug())));
        }
        throw new ApiException(404, "not-found", "authoring.export.no-folder", List.of(), current.slug(), wanted);
    }

    /** A draft as it would be published: 422 naming what is still missing or wrong (the zip must load as a module). */
    @Transactional
    public Zip draft(Caller caller, long id) {
        Draft draft = drafts.find(caller, id);
        Map<String, Object> tree = drafts.tree(draft);
        List<ApiException.FieldError> errors = new ArrayList<>();
        DraftTree.missingUnder(tree, "").forEach(p -> errors.add(new ApiException.FieldError("definition." + p,
                "authoring.export.missing")));
        drafts.check(draft, tree).problems().forEach(p -> errors.add(new ApiException.FieldError(
                p.path().isEmpty() ? "definition" : "definition." + p.path(), "authoring.loader", p.message())));
        if (!errors.isEmpty()) {
            throw new ApiException(422, "draft-not-ready", "authoring.export.not-ready", errors);
        }
        return zip(draft.slug, written(draft, tree, draft.slug, Integer.parseInt(draft.nextVersion())));
    }

    /** The files of a shipped module's folder, byte for byte, by name. */
    private static Map<String, byte[]> shipped(Path folder) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path f : list.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!name.startsWith(".")) {
                    files.put(name, Files.readAllBytes(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /**
     * A draft tree as a module folder: module.yaml, the step texts, the pictures its steps name (uploaded into the draft,
     * else shipped with the module).
     */
    private Map<String, byte[]> written(Draft draft, Map<String, Object> tree, String slug, int version) {
        Map<String, byte[]> files = new TreeMap<>();
        Map<String, byte[]> uploaded = new java.util.HashMap<>();
        DraftImage.listByDraft(draft.id).forEach(i -> uploaded.put(i.fileName, i.bytes));
        files.put(ModuleLoader.MANIFEST, ManifestYaml.write(tree, version).getBytes(StandardCharsets.UTF_8));
        Path pictures = catalog.dir().resolve(slug);
        List<Object> steps = DraftTree.list(tree, "steps");
        for (Object step : steps == null ? List.of() : steps) {
            String key = DraftTree.text(step, "key").strip();
            for (String lang : Messages.LANGUAGES) {
                String text = DraftTree.text(step, DraftTree.BODY + "." + lang).strip();
                if (!text.isEmpty() && DraftTree.KEY.matcher(key).matches()) {
                    files.put(key + "." + lang + ".md", (text + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            List<Object> images = DraftTree.list(step, "images");
            for (Object image : images == null ? List.of() : images) {
                String file = DraftTree.text(image, "file").strip();
                Path picture = pictures.resolve(file);
                if (uploaded.containsKey(file)) {
                    files.put(file, uploaded.get(file));
                } else if (ImageFiles.NAME.matcher(file).matches() && Files.isRegularFile(picture)) {
                    try {
                        files.put(file, Files.readAllBytes(picture));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return files;
    }

    static Zip zip(String slug, Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry folder = new ZipEntry(slug + "/");
            folder.setTimeLocal(STAMP);
            zip.putNextEntry(folder);
            zip.closeEntry();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                ZipEntry entry = new ZipEntry(slug + "/" + f.getKey());
                entry.setTimeLocal(STAMP);
                zip.putNextEntry(entry);
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Zip(slug + ".zip", out.toByteArray());
    }

    /** module.yaml of a draft tree: block YAML, blanks left out, numbers and yes/no as YAML writes them. */
    static final class ManifestYaml {

        private ManifestYaml() {}

        static String write(Map<String, Object> tree, int version) {
            Map<String, Object> out = new LinkedHashMap<>();
            Object clean = clean(tree);
            if (clean instanceof Map<?, ?> m) {
                m.forEach((k, v) -> {
                    if (!k.equals("version")) {
                        out.put(k.toString(), v);
                    }
                    if (k.equals("slug")) {
                        out.put("version", version);
                    }
                });
            }
            out.putIfAbsent("version", version);
            org.yaml.snakeyaml.DumperOptions options = new org.yaml.snakeyaml.DumperOptions();
            options.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
            options.setIndent(2);
            options.setIndicatorIndent(0);
            options.setWidth(120);
            options.setAllowUnicode(true);
            options.setSplitLines(false);
            return new org.yaml.snakeyaml.Yaml(options).dump(out);
        }

        private static Object clean(Object value) {
            if (value instanceof String s) {
                String t = s.strip();
                if (t.isEmpty()) {
                    return null;
                }
                if (WHOLE_NUMBER.matcher(t).matches()) {
                    return Integer.valueOf(t);
                }
                return t.equals("true") || t.equals("false") ? Boolean.valueOf(t) : t;
            }
            if (DraftTree.isLocalized(value)) {
                Map<String, Object> text = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((l, v) -> {
                    if (!DraftTree.isBlank(v)) {
                        text.put(l.toString(), v.toString().strip()); // a text stays text, also "2"
                    }
                });
                return text.isEmpty() ? null : text;
            }
            if (value instanceof Map<?, ?> m) {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, v) -> {
                    Object c = k.equals(DraftTree.BODY) ? null : clean(v);
                    if (c != null) {
                        out.put(k.toString(), c);
                    }
                });
                return out.isEmpty() ? null : out;
            }
            if (value instanceof List<?> l) {
                List<Object> out = new ArrayList<>();
                l.forEach(v -> {
                    Object c = clean(v);
                    if (c != null) {
                        out.add(c);
                    }
                });
                return out.isEmpty() ? null : out;
            }
            return null;
        }
    }
}
