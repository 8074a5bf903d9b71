package fi.askel.content.authoring;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.common.Messages;
import fi.askel.content.ImageFiles;
import fi.askel.content.ModuleCatalog;
import fi.askel.content.ModuleImages;
import fi.askel.content.PublishedImages;
import fi.askel.content.steps.StepTypes;
import fi.askel.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pictures an author uploads into a draft's read or exercise step, with their description in every language: checked
 * and stripped of metadata ({@link PictureCheck}) before anything is stored. Attaching checks the draft with the
 * loader, so a picture's description is refused with the loader's own words; nothing is stored when anything is wrong.
 */
@ApplicationScoped
public class DraftPictures implements PublishedImages {

    /** A picture as uploaded: the name it came with (only a hint for its file name), its bytes, its description. */
    public record Upload(String name, byte[] bytes, Map<String, String> alt) {}

    private final DraftService drafts;
    private final PictureCheck checks;
    private final PictureFiles files;
    private final ModuleCatalog catalog;
    private final ModuleImages shipped;

    public DraftPictures(DraftService drafts, PictureCheck checks, PictureFiles files, ModuleCatalog catalog,
            ModuleImages shipped) {
        this.drafts = drafts;
        this.checks = checks;
        this.files = files;
        this.catalog = catalog;
        this.shipped = shipped;
    }

    /**
     * The picture attached to the end of step {@code index}'s pictures. 400/413/415 naming the field ({@code picture},
     * {@code alt}, {@code alt.sv}…) and nothing stored when the picture or its description is wrong; 409 when the draft
     * was saved since {@code revision}, or is in review or published.
     */
    @Transactional
    public DraftService.Outcome attach(Caller caller, long id, int revision, int index, Upload upload) {
        Draft draft = drafts.editable(caller, id);
        Map<String, Object> tree = drafts.tree(draft);
        Map<String, Object> step = step(tree, index);
        if (!allowed(DraftTree.text(step, "type"))) {
            throw ApiException.invalid("picture", "authoring.image.step-type");
        }
        if (draft.revision != revision) {
            throw ApiException.conflict("stale-draft", "authoring.stale");
        }
        PictureCheck.Clean clean;
        try {
            clean = checks.inspect(upload.bytes());
        } catch (PictureCheck.Refused r) {
            throw r.api("picture");
        }
        String file = PictureCheck.fileName(upload.name(), clean.kind(), taken(draft, tree));
        List<Object> images = DraftTree.list(step, "images");
        if (images == null) {
            images = new ArrayList<>();
            step.put("images", images);
        }
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("file", file);
        Map<String, Object> alt = new LinkedHashMap<>();
        Messages.LANGUAGES.forEach(l -> alt.put(l, upload.alt() == null ? "" : upload.alt().getOrDefault(l, "").strip()));
        image.put("alt", alt);
        images.add(image);
        String at = "steps." + index + ".images." + (images.size() - 1);
        Map<String, java.nio.file.Path> withIt = new LinkedHashMap<>(files.of(draft.id));
        withIt.put(file, files.put(clean.sha256(), clean.bytes()));
        DraftCheck.Result check = DraftCheck.check(tree, draft.nextVersion(), catalog.dir(), withIt);
        List<FieldError> errors = check.within(at).stream().map(p -> new FieldError(p.path().equals(at) ? "picture"
                : p.path().substring(at.length() + 1).replace("file", "picture"), "authoring.loader", p.message())).toList();
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        store(caller, draft, file, clean);
        return drafts.store(caller, draft, revision, tree);
    }

    /**
     * The picture {@code file} taken off step {@code index}; an uploaded one no other step shows is deleted. 404 when the
     * step has no such picture.
     */
    @Transactional
    public DraftService.Outcome remove(Caller caller, long id, int revision, int index, String file) {
        Draft draft = drafts.editable(caller, id);
        Map<String, Object> tree = drafts.tree(draft);
        Map<String, Object> step = step(tree, index);
        List<Object> images = DraftTree.list(step, "images");
        if (images == null || !images.removeIf(i -> DraftTree.text(i, "file").equals(file))) {
            throw ApiException.notFound("image");
        }
        if (draft.revision != revision) {
            return drafts.store(caller, draft, revision, tree); // stale: nothing is changed
        }
        if (images.isEmpty()) {
            step.remove("images");
        }
        if (!usedFiles(tree).contains(file)) {
            DraftImage.findByName(draft.id, file).ifPresent(DraftImage::delete);
        }
        return drafts.store(caller, draft, revision, tree);
    }

    /** Whether a step of the type may show pictures (its module.yaml fields have {@code images}). */
    static boolean allowed(String type) {
        StepTypes.StepType t = StepTypes.byName(type);
        return t != null && t.fields().contains("images");
    }

    /** A picture of the draft as its editor and preview show it: uploaded into it, else shipped with its module. */
    @Transactional
    public Optional<ModuleImages.Served> find(Caller caller, long id, String hash, String file) {
        Draft draft = drafts.find(caller, id);
        ImageFiles.Kind kind = ImageFiles.Kind.ofName(file);
        if (kind == null || !hash.matches("^[0-9a-f]{16}$")) {
            return Optional.empty();
        }
        Optional<DraftImage> uploaded = DraftImage.findByName(draft.id, file).filter(i -> i.sha256.startsWith(hash));
        if (uploaded.isPresent()) {
            return Optional.of(new ModuleImages.Served(uploaded.get().bytes, kind));
        }
        return Optional.ofNullable(DraftTree.KEY.matcher(draft.slug).matches() ? shipped.load(draft.slug, file, hash, kind) : null);
    }

    @Override
    public Optional<byte[]> find(String slug, int version, String file, String hash) {
        return DraftImage.findPublished(slug, version, file).filter(i -> i.sha256.startsWith(hash)).map(i -> i.bytes);
    }

    /** The URL hash of each picture the draft's step shows, by file name: uploaded ones and shipped ones. */
    Map<String, String> urls(Draft draft, Object step) {
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, String> uploaded = new LinkedHashMap<>();
        DraftImage.listMeta(draft.id).forEach(m -> uploaded.put(m.fileName(), m.urlHash()));
        List<Object> images = DraftTree.list(step, "images");
        for (Object image : images == null ? List.of() : images) {
            String file = DraftTree.text(image, "file");
            String hash = uploaded.get(file);
            if (hash == null && DraftTree.KEY.matcher(draft.slug).matches() && ImageFiles.NAME.matcher(file).matches()) {
                hash = shippedHash(draft.slug, file);
            }
            if (hash != null) {
                urls.put(file, DraftPictureResource.url(draft.id) + hash + "/" + file);
            }
        }
        return urls;
    }

    private String shippedHash(String slug, String file) {
        try {
            java.nio.file.Path path = catalog.dir().resolve(slug).resolve(file);
            return java.nio.file.Files.isRegularFile(path) && java.nio.file.Files.size(path) <= ImageFiles.MAX_BYTES
                    ? ImageFiles.hash(java.nio.file.Files.readAllBytes(path)) : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static void store(Caller caller, Draft draft, String file, PictureCheck.Clean clean) {
        store(caller, draft, file, clean.kind(), clean.bytes(), clean.width(), clean.height());
    }

    static void store(Caller caller, Draft draft, String file, ImageFiles.Kind kind, byte[] bytes, int width, int height) {
        DraftImage image = new DraftImage();
        image.draftId = draft.id;
        image.fileName = file;
        image.contentType = kind.contentType();
        image.bytes = bytes;
        image.sha256 = PictureCheck.sha256(bytes);
        image.width = width;
        image.height = height;
        image.createdBy = caller.id();
        image.createdAt = Instant.now();
        image.persist();
    }

    private static Set<String> taken(Draft draft, Map<String, Object> tree) {
        Set<String> taken = usedFiles(tree);
        DraftImage.listMeta(draft.id).forEach(m -> taken.add(m.fileName()));
        return taken;
    }

    /** Every picture file the draft's steps name. */
    static Set<String> usedFiles(Map<String, Object> tree) {
        Set<String> used = new HashSet<>();
        for (Object step : DraftTree.steps(tree, -1)) {
            List<Object> images = DraftTree.list(step, "images");
            (images == null ? List.<Object>of() : images).forEach(i -> used.add(DraftTree.text(i, "file")));
        }
        return used;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> step(Map<String, Object> tree, int index) {
        Object step = DraftTree.steps(tree, index).get(index);
        if (!(step instanceof Map<?, ?>)) {
            throw ApiException.notFound("step");
        }
        return (Map<String, Object>) step;
    }
}
