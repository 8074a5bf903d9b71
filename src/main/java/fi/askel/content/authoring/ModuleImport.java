package fi.askel.content.authoring;

import fi.askel.content.ImageFiles;
import fi.askel.content.Module;
import fi.askel.content.ModuleCatalog;
import fi.askel.content.ModuleLoader;
import fi.askel.content.ModuleProblem;
import fi.askel.content.SafetyText;
import fi.askel.content.steps.Step;
import fi.askel.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module zip (one folder in the exercises/ format) uploaded by an author becomes a new draft, never a published
 * version: the zip is read defensively ({@link ZipEntries}), its folder written to a temporary place beside the shared
 * safety text and loaded by {@link ModuleLoader} as a shipped module is, and only when nothing is wrong is a draft
 * stored. A module the catalogue already has (same slug) is imported as a draft of its next version, as a copy is;
 * another name is a new module. Pictures: one that is byte for byte the module's shipped one stays that; any other is
 * checked and stripped as an upload is ({@link PictureCheck#inspect}) before the loader sees it, and stored with the
 * draft.
 */
@ApplicationScoped
public class ModuleImport {

    /** The draft made, and whether it is the next version of a module the catalogue already has. */
    public record Imported(Draft draft, boolean newVersion) {}

    private static final Pattern TEXT = Pattern.compile("^[a-z0-9][a-z0-9-]*\\.(fi|sv|en)\\.md$");
    /** What file managers add to a zip without asking: left out, not refused. */
    private static final Set<String> LEFT_OUT = Set.of(".DS_Store", "Thumbs.db", "desktop.ini");
    private static final Pattern MISSING_FIELD = Pattern.compile("is missing \"([A-Za-z]+)\"");

    private final DraftService drafts;
    private final PictureCheck pictures;
    private final ModuleCatalog catalog;
    private final AuthoringConfig config;

    public ModuleImport(DraftService drafts, PictureCheck pictures, ModuleCatalog catalog, AuthoringConfig config) {
        this.drafts = drafts;
        this.pictures = pictures;
        this.catalog = catalog;
        this.config = config;
    }

    /** The upload's bytes, refused (413) past {@code askel.authoring.import-max-bytes} without reading the rest. */
    public byte[] read(InputStream upload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = upload) {
            for (int n; in != null && (n = in.read(buffer)) > 0;) {
                if (out.size() + (long) n > config.importMaxBytes()) {
                    throw new ImportProblem.Refused(413, "authoring.import.too-large", config.importMaxBytes() / 1024);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new ImportProblem.Refused(400, "authoring.import.zip.broken", e.getMessage());
        }
        return out.toByteArray();
    }

    /** The zip as a new draft; {@link ImportProblem.Refused} listing every problem, and nothing stored, otherwise. */
    @Transactional
    public Imported importZip(Caller caller, byte[] zip) {
        drafts.requireAuthor(caller);
        if (zip == null || zip.length == 0) {
            throw new ImportProblem.Refused(400, "authoring.import.empty");
        }
        if (zip.length > config.importMaxBytes()) {
            throw new ImportProblem.Refused(413, "authoring.import.too-large", config.importMaxBytes() / 1024);
        }
        Map<String, byte[]> entries;
        try {
            entries = ZipEntries.read(zip, new ZipEntries.Limits(config.importMaxEntries(), config.importMaxUnpackedBytes()));
        } catch (ZipEntries.Refused e) {
            throw new ImportProblem.Refused(400, e.refusals.stream()
                    .map(r -> new ImportProblem(r.entry(), 0, "", r.key(), r.args())).toList());
        }
        ModuleFolder folder = ModuleFolder.of(entries);
        Map<String, PictureCheck.Clean> uploaded = pictures(folder);
        Path root = null;
        try {
            root = Files.createTempDirectory("askel-import-");
            Path shared = catalog.dir().toAbsolutePath().resolve(SafetyText.FOLDER);
            if (Files.isDirectory(shared)) {
                Files.createSymbolicLink(root.resolve(SafetyText.FOLDER), shared);
            }
            Path dir = root.resolve(folder.slug());
            Files.createDirectory(dir);
            for (Map.Entry<String, byte[]> f : folder.files().entrySet()) {
                Files.write(dir.resolve(f.getKey()), f.getValue()); // names checked by ModuleFolder: no paths
            }
            List<ModuleProblem> found = new ArrayList<>();
            Module module = ModuleLoader.load(dir, found);
            if (!found.isEmpty() || module == null) {
                Map<Integer, String> fields = ManifestLines.fields(dir.resolve(ModuleLoader.MANIFEST));
                throw new ImportProblem.Refused(422, found.stream().map(p -> problem(root(dir), p, fields)).toList());
            }
            check(module, folder);
            Optional<Module> existing = catalog.find(module.slug());
            Draft draft = drafts.persist(caller, module.slug(), existing.map(Module::slug).orElse(null),
                    existing.map(Module::version).orElse(null), ShippedModule.tree(root, module.slug()));
            uploaded.forEach((name, clean) -> DraftPictures.store(caller, draft, name, clean));
            return new Imported(draft, existing.isPresent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DraftCheck.delete(root);
        }
    }

    /**
     * The zip's pictures that are not the module's shipped ones, checked and stripped as uploads are; their clean bytes
     * replace the zip's in {@code folder}. 422 naming each picture that is refused.
     */
    private Map<String, PictureCheck.Clean> pictures(ModuleFolder folder) {
        Map<String, PictureCheck.Clean> clean = new LinkedHashMap<>();
        List<ImportProblem> problems = new ArrayList<>();
        Path shipped = catalog.dir().resolve(folder.slug());
        for (Map.Entry<String, byte[]> f : folder.files().entrySet()) {
            if (!ImageFiles.NAME.matcher(f.getKey()).matches() || sameBytes(shipped.resolve(f.getKey()), f.getValue())) {
                continue;
            }
            try {
                PictureCheck.Clean c = pictures.inspect(f.getValue());
                clean.put(f.getKey(), c);
                f.setValue(c.bytes());
            } catch (PictureCheck.Refused r) {
                problems.add(new ImportProblem(folder.slug() + "/" + f.getKey(), 0, "", r.key, r.args));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportProblem.Refused(422, problems);
        }
        return clean;
    }

    /** Nothing in the zip may be silently dropped. */
    private void check(Module module, ModuleFolder folder) {
        Set<String> keys = new java.util.HashSet<>();
        Set<String> images = new java.util.HashSet<>();
        for (Step s : module.steps()) {
            keys.add(s.key());
            s.images().forEach(i -> images.add(i.file()));
        }
        List<ImportProblem> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : folder.files().entrySet()) {
            String name = f.getKey();
            String entry = folder.slug() + "/" + name;
            if (TEXT.matcher(name).matches() && !keys.contains(name.substring(0, name.length() - 6))) {
                problems.add(new ImportProblem(entry, 0, "", "authoring.import.unused"));
            } else if (ImageFiles.NAME.matcher(name).matches() && !images.contains(name)) {
                problems.add(new ImportProblem(entry, 0, "", "authoring.import.unused"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportProblem.Refused(422, problems);
        }
    }

    private static boolean sameBytes(Path file, byte[] bytes) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (IOException e) {
            return false;
        }
    }

    private static Path root(Path dir) {
        return dir.getParent();
    }

    /** A loader problem as the author finds it in the zip: the file's path in it, the line, the field. */
    private static ImportProblem problem(Path root, ModuleProblem p, Map<Integer, String> fields) {
        Path file = p.file().toAbsolutePath();
        String name = file.startsWith(root.toAbsolutePath()) ? root.toAbsolutePath().relativize(file).toString()
                : String.valueOf(file.getFileName());
        String field = "";
        if (name.endsWith("/" + ModuleLoader.MANIFEST)) {
            field = fields.getOrDefault(p.line(), "");
            Matcher missing = MISSING_FIELD.matcher(p.message());
            if (missing.find()) {
                field = (field.isEmpty() ? "" : field + ".") + missing.group(1);
            }
        }
        return new ImportProblem(name.replace('\\', '/'), p.line(), field, "authoring.loader", p.message());
    }

    /** The zip's single top folder (the module's slug) and its files by name. */
    record ModuleFolder(String slug, Map<String, byte[]> files) {

        static ModuleFolder of(Map<String, byte[]> entries) {
            String top = null;
            Map<String, byte[]> files = new LinkedHashMap<>();
            List<ImportProblem> problems = new ArrayList<>();
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                String name = e.getKey();
                String[] parts = name.split("/");
                if (name.startsWith("__MACOSX/") || LEFT_OUT.contains(parts[parts.length - 1])) {
                    continue;
                }
                if (parts.length != 2) {
                    problems.add(new ImportProblem(name, 0, "", parts.length == 1 ? "authoring.import.zip.no-folder"
                            : "authoring.import.zip.nested"));
                } else if (top != null && !top.equals(parts[0])) {
                    problems.add(new ImportProblem(name, 0, "", "authoring.import.zip.one-folder", top));
                } else if (!DraftTree.KEY.matcher(parts[0]).matches() || parts[0].length() > 64) {
                    problems.add(new ImportProblem(name, 0, "", "authoring.import.zip.folder-name"));
                } else if (!parts[1].equals(ModuleLoader.MANIFEST) && !TEXT.matcher(parts[1]).matches()
                        && !ImageFiles.NAME.matcher(parts[1]).matches()) {
                    top = parts[0];
                    problems.add(new ImportProblem(name, 0, "", "authoring.import.zip.unknown-file"));
                } else {
                    top = parts[0];
                    files.put(parts[1], e.getValue());
                }
            }
            if (problems.isEmpty() && top == null) {
                problems.add(new ImportProblem(null, 0, "", "authoring.import.zip.no-module"));
            }
            if (!problems.isEmpty()) {
                throw new ImportProblem.Refused(400, problems);
            }
            return new ModuleFolder(top, files);
        }
    }
}
