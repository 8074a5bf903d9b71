package fi.askel.content.authoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.askel.common.ApiException;
import fi.askel.content.ImageFiles;
import fi.askel.content.Module;
import fi.askel.content.ModuleCatalog;
import fi.askel.identity.Capabilities;
import fi.askel.identity.Capability;
import fi.askel.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Module drafts: made new or copied from a shipped module, edited part by part, checked by the loader on
 * every save. A draft may have gaps (texts not yet written or translated); a save whose part has
 * something written wrongly (see DraftCheck.Problem#isGap) is refused and changes nothing, and the
 * caller shows the typed values again with the problems. Only specialists an admin has given the
 * authoring permission get here (403 otherwise); all of them share the provider's drafts.
 */
@ApplicationScoped
public class DraftService {

    /** What a save did: the draft as typed, its check, whether it was stored, whether the page was stale. */
    public record Outcome(Draft draft, Map<String, Object> tree, DraftCheck.Result check, boolean saved, boolean stale) {}

    private static final TypeReference<LinkedHashMap<String, Object>> TREE = new TypeReference<>() {};

    private final ModuleCatalog catalog;
    private final Capabilities capabilities;
    private final ObjectMapper json;
    private final PictureFiles pictures;

    public DraftService(ModuleCatalog catalog, Capabilities capabilities, ObjectMapper json, PictureFiles pictures) {
        this.catalog = catalog;
        this.capabilities = capabilities;
        this.json = json;
        this.pictures = pictures;
    }

    /** 403 unless the caller may author modules. */
    public void requireAuthor(Caller caller) {
        capabilities.require(caller, Capability.AUTHORING);
    }

    public boolean isAuthor(Caller caller) {
        return capabilities.has(caller, Capability.AUTHORING);
    }

    @Transactional
    public List<Draft> list(Caller caller) {
        requireAuthor(caller);
        return Draft.listOpen();
    }

    @Transactional
    public Draft find(Caller caller, long id) {
        requireAuthor(caller);
        return Draft.<Draft>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("draft"));
    }

    /** The draft, to be changed: 409 while it is in review or once it is published. */
    Draft editable(Caller caller, long id) {
        Draft draft = find(caller, id);
        ReviewService.requireEditable(draft);
        return draft;
    }

    /** A new, empty module. */
    @Transactional
    public Draft create(Caller caller, String slug) {
        requireAuthor(caller);
        String s = slug == null ? "" : slug.strip();
        if (!DraftTree.KEY.matcher(s).matches() || s.length() > 64) {
            throw ApiException.invalid("slug", "authoring.slug.invalid");
        }
        if (catalog.find(s).isPresent()) {
            throw ApiException.invalid("slug", "authoring.slug.taken", s);
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("slug", s);
        tree.put("estimatedMinutes", "");
        tree.put("themes", new ArrayList<>());
        tree.put("targetGroups", new ArrayList<>(List.of("all")));
        tree.put("title", DraftTree.blankText());
        tree.put("summary", DraftTree.blankText());
        tree.put("steps", new ArrayList<>());
        return persist(caller, s, null, null, tree);
    }

    /**
     * A copy of a module's current version, with every step's texts, to become its next version: the files' module,
     * or the draft that published the current version when that was made in the browser.
     */
    @Transactional
    public Draft copy(Caller caller, String slug) {
        requireAuthor(caller);
        Module module = catalog.find(slug == null ? "" : slug).orElseThrow(() -> ApiException.invalid("copyOf",
                "authoring.copy.unknown"));
        Optional<Draft> publisher = Draft.findPublisher(module.slug(), module.version());
        Map<String, Object> tree = publisher.map(this::tree).orElseGet(() -> ShippedModule.tree(catalog.dir(), module.slug()));
        Draft draft = persist(caller, module.slug(), module.slug(), module.version(), tree);
        publisher.ifPresent(p -> DraftImage.listByDraft(p.id).forEach(i -> DraftPictures.store(caller, draft, i.fileName,
                ImageFiles.Kind.ofName(i.fileName), i.bytes, i.width, i.height)));
        return draft;
    }

    /** The draft's tree as stored. */
    public Map<String, Object> tree(Draft draft) {
        try {
            return json.readValue(draft.definition, TREE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("draft " + draft.id + " cannot be read", e);
        }
    }

    /** The paths of the translations older than their Finnish text ({@code title.sv}). */
    public Set<String> outdated(Draft draft) {
        return OutdatedTranslations.read(json, draft);
    }

    /** The loader's verdict on a tree of this draft. */
    public DraftCheck.Result check(Draft draft, Map<String, Object> tree) {
        return check(draft, tree, draft.nextVersion());
    }

    /** The loader's verdict on the tree as version {@code version} of its module (what publishing stores). */
    DraftCheck.Result check(Draft draft, Map<String, Object> tree, String version) {
        return DraftCheck.check(tree, version, catalog.dir(), pictures.of(draft.id));
    }

    /** The draft as a client would get it, or null while the loader finds problems. */
    @Transactional
    public Module preview(Caller caller, long id) {
        Draft draft = find(caller, id);
        return check(draft, tree(draft)).module();
    }

    /** The whole draft replaced (the API's save); refused when anything but a translation is wrong. */
    @Transactional
    public Outcome replace(Caller caller, long id, int revision, Map<String, Object> typed) {
        Draft draft = editable(caller, id);
        Map<String, Object> tree = typed == null ? new LinkedHashMap<>() : typed;
        if (!(DraftTree.get(tree, "steps") instanceof List<?>)) {
            tree.put("steps", new ArrayList<>());
        }
        return save(caller, draft, revision, tree, "");
    }

    /** The module's own fields (all but the steps) as typed. */
    @Transactional
    public Outcome saveModule(Caller caller, long id, int revision, Map<String, Object> fields) {
        Draft draft = editable(caller, id);
        Map<String, Object> tree = new LinkedHashMap<>(fields);
        tree.remove("steps");
        tree.put("steps", DraftTree.get(tree(draft), "steps"));
        return save(caller, draft, revision, tree, "module");
    }

    /** One step as typed; its type stays what it was. */
    @Transactional
    public Outcome saveStep(Caller caller, long id, int revision, int index, Map<String, Object> step) {
        Draft draft = editable(caller, id);
        Map<String, Object> tree = tree(draft);
        List<Object> steps = DraftTree.steps(tree, index);
        step.put("type", DraftTree.text(steps.get(index), "type"));
        Object images = DraftTree.get(steps.get(index), "images");
        if (images != null && !step.containsKey("images")) {
            step.put("images", images); // the editor has no fields for illustrations: they stay as shipped
        }
        steps.set(index, step);
        return save(caller, draft, revision, tree, "steps." + index);
    }

    /** A new step of a type at the end, as its skeleton has it. */
    @Transactional
    public Outcome addStep(Caller caller, long id, int revision, String type) {
        Draft draft = editable(caller, id);
        Map<String, Object> skeleton = Skeletons.step(type == null ? "" : type);
        if (skeleton == null) {
            throw ApiException.invalid("type", "authoring.step.type.unknown");
        }
        Map<String, Object> tree = tree(draft);
        List<Object> steps = DraftTree.steps(tree, -1);
        skeleton.put("key", DraftTree.uniqueKey(DraftTree.text(skeleton, "key"), steps));
        steps.add(skeleton);
        return store(caller, draft, revision, tree);
    }

    /** A step moved one place up ({@code delta} -1) or down (+1); at either end nothing moves. */
    @Transactional
    public Outcome moveStep(Caller caller, long id, int revision, int index, int delta) {
        Draft draft = editable(caller, id);
        Map<String, Object> tree = tree(draft);
        List<Object> steps = DraftTree.steps(tree, index);
        int to = index + delta;
        if (to >= 0 && to < steps.size()) {
            steps.add(to, steps.remove(index));
        }
        return store(caller, draft, revision, tree);
    }

    @Transactional
    public Outcome removeStep(Caller caller, long id, int revision, int index) {
        Draft draft = editable(caller, id);
        Map<String, Object> tree = tree(draft);
        DraftTree.steps(tree, index).remove(index);
        return store(caller, draft, revision, tree);
    }

    /** Stores the tree unless the page was stale or the part saved ({@code part}) has problems. */
    private Outcome save(Caller caller, Draft draft, int revision, Map<String, Object> tree, String part) {
        DraftCheck.Result check = check(draft, tree);
        if (draft.revision != revision) {
            return new Outcome(draft, tree, check, false, true);
        }
        boolean refused = check.problems().stream().anyMatch(p -> !p.isGap() && blocks(p, part));
        if (refused) {
            return new Outcome(draft, tree, check, false, false);
        }
        write(caller, draft, tree, true);
        return new Outcome(draft, tree, check, true, false);
    }

    /** Whether a problem stops saving this part: the module's own fields, one step, or (empty) everything. */
    private static boolean blocks(DraftCheck.Problem p, String part) {
        return switch (part) {
            case "" -> true;
            case "module" -> !p.path().isEmpty() && !p.within("steps") && !p.path().equals("version");
            default -> p.within(part);
        };
    }

    Outcome store(Caller caller, Draft draft, int revision, Map<String, Object> tree) {
        if (draft.revision != revision) {
            return new Outcome(draft, tree(draft), check(draft, tree(draft)), false, true);
        }
        write(caller, draft, tree, false);
        return new Outcome(draft, tree, check(draft, tree), true, false);
    }

    /** {@code edited}: texts were typed (marks follow what changed); else steps were added, moved or removed. */
    private void write(Caller caller, Draft draft, Map<String, Object> tree, boolean edited) {
        Map<String, Object> before = tree(draft);
        Set<String> marks = outdated(draft);
        draft.outdated = OutdatedTranslations.write(json, edited ? OutdatedTranslations.edited(before, tree, marks)
                : OutdatedTranslations.moved(before, tree, marks));
        draft.definition = toJson(tree);
        draft.slug = DraftTree.text(tree, "slug").isBlank() ? draft.slug : trimmed(DraftTree.text(tree, "slug"), 64);
        draft.revision++;
        draft.updatedBy = caller.id();
        draft.updatedAt = Instant.now();
    }

    Draft persist(Caller caller, String slug, String basedOnSlug, Integer basedOnVersion, Map<String, Object> tree) {
        Draft draft = new Draft();
        draft.slug = slug;
        draft.basedOnSlug = basedOnSlug;
        draft.basedOnVersion = basedOnVersion;
        draft.definition = toJson(tree);
        draft.createdBy = caller.id();
        draft.updatedBy = caller.id();
        draft.createdAt = Instant.now();
        draft.updatedAt = draft.createdAt;
        draft.persist();
        return draft;
    }

    private String toJson(Map<String, Object> tree) {
        try {
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String trimmed(String s, int max) {
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
