package fi.askel.content.authoring;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.content.Module;
import fi.askel.content.ModuleCatalog;
import fi.askel.content.ModuleVersion;
import fi.askel.content.authoring.DraftComment.Kind;
import fi.askel.content.authoring.Draft.Status;
import fi.askel.identity.Caller;
import fi.askel.identity.User;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A draft's way to clients: its author sends it to review (only when the loader finds nothing wrong and the Finnish and
 * Swedish texts are all written), which locks it; a second specialist with the authoring permission, not the one who
 * made the latest change, approves it, which publishes it as the module's next version in the same transaction, or
 * sends it back to be edited with a comment (the author may also take it back). Clients already working on an older
 * version keep theirs: an assignment stores its version.
 */
@ApplicationScoped
public class ReviewService {

    /** The languages a module cannot be published without; English gaps are listed but the loader names them. */
    static final List<String> REQUIRED_LANGUAGES = List.of("fi", "sv");
    static final int MAX_COMMENT = 4000;

    /** One step of the review, with who took it. */
    @TemplateData
    public record Comment(String kind, String body, Long authorId, String author, Instant at) {}

    /** A stored version of the draft's module: published in the browser (by whom) or loaded from the files. */
    @TemplateData
    public record Version(int version, boolean fromFiles, Long publishedById, String publishedBy, Instant at, boolean current) {}

    /** Where the draft is, what the caller may do with it now, its comments and the versions of its module. */
    @TemplateData
    public record Review(long draftId, String status, Integer publishedVersion, boolean editable, boolean canSend,
            boolean canDecide, boolean ownChange, List<Comment> comments, List<Version> versions) {}

    private final DraftService drafts;
    private final ModuleCatalog catalog;

    public ReviewService(DraftService drafts, ModuleCatalog catalog) {
        this.drafts = drafts;
        this.catalog = catalog;
    }

    /** The author sends the draft to review: 409 unless it is being written, 422 naming what is missing or wrong. */
    @Transactional
    public Draft send(Caller caller, long id, String note) {
        Draft draft = locked(caller, id);
        if (draft.status != Status.DRAFT) {
            throw ApiException.conflict("not-a-draft", "authoring.review.not-a-draft");
        }
        ready(draft, catalog.nextVersion(draft.slug));
        draft.status = Status.IN_REVIEW;
        DraftComment.record(draft.id, Kind.SENT, note(note, false), caller.id());
        return draft;
    }

    /** A second specialist approves: the draft becomes the module's next version, which clients get from now on. */
    @Transactional
    public Draft approve(Caller caller, long id, String comment) {
        Draft draft = inReview(caller, id);
        if (draft.updatedBy.equals(caller.id())) {
            throw ApiException.conflict("own-change", "authoring.review.own-change");
        }
        String body = note(comment, false);
        int version = catalog.nextVersion(draft.slug);
        catalog.publish(ready(draft, version), caller.id());
        draft.status = Status.PUBLISHED;
        draft.publishedVersion = version;
        DraftComment.record(draft.id, Kind.APPROVED, body, caller.id());
        return draft;
    }

    /** Back to the author to be edited, with what should change (required). */
    @Transactional
    public Draft sendBack(Caller caller, long id, String comment) {
        Draft draft = inReview(caller, id);
        String body = note(comment, true);
        draft.status = Status.DRAFT;
        DraftComment.record(draft.id, Kind.RETURNED, body, caller.id());
        return draft;
    }

    /** The review state as the caller sees it (three queries: comments, versions, names). */
    @Transactional
    public Review review(Caller caller, Draft draft) {
        List<DraftComment> comments = DraftComment.listByDraft(draft.id);
        List<ModuleVersion> versions = ModuleVersion.listBySlug(draft.slug);
        Set<Long> people = new HashSet<>();
        comments.forEach(c -> people.add(c.authorId));
        versions.stream().filter(v -> v.publishedBy != null).forEach(v -> people.add(v.publishedBy));
        Map<Long, String> names = User.displayNames(people, caller);
        // Which version clients get now, from the rows just read (the catalogue may notice a publication a moment later).
        int served = Math.max(catalog.shippedVersion(draft.slug).orElse(-1), versions.stream()
                .filter(v -> v.publishedAt != null).mapToInt(v -> v.id.version).max().orElse(-1));
        boolean own = draft.updatedBy.equals(caller.id());
        return new Review(draft.id, draft.status.name(), draft.publishedVersion, draft.status == Status.DRAFT,
                draft.status == Status.DRAFT, draft.status == Status.IN_REVIEW && !own, own,
                comments.stream().map(c -> new Comment(c.kind.name(), c.body, c.authorId, names.get(c.authorId), c.createdAt)).toList(),
                versions.stream().map(v -> new Version(v.id.version, v.publishedAt == null, v.publishedBy,
                        v.publishedBy == null ? null : names.get(v.publishedBy),
                        v.publishedAt == null ? v.firstLoadedAt : v.publishedAt, v.id.version == served)).toList());
    }

    /** 409 while the draft is in review or published: what a reviewer saw is what gets published. */
    static void requireEditable(Draft draft) {
        if (draft.status == Status.IN_REVIEW) {
            throw ApiException.conflict("draft-in-review", "authoring.review.locked");
        }
        if (draft.status == Status.PUBLISHED) {
            throw ApiException.conflict("draft-published", "authoring.review.published", draft.publishedVersion);
        }
    }

    private Draft inReview(Caller caller, long id) {
        Draft draft = locked(caller, id);
        if (draft.status != Status.IN_REVIEW) {
            throw ApiException.conflict("not-in-review", "authoring.review.not-in-review");
        }
        return draft;
    }

    /** The draft, locked for this transaction: two reviewers deciding at once are answered one after the other. */
    private Draft locked(Caller caller, long id) {
        drafts.requireAuthor(caller);
        Draft draft = Draft.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (draft == null) {
            throw ApiException.notFound("draft");
        }
        return draft;
    }

    /**
     * The module the draft makes as version {@code version}; 422 naming every Finnish or Swedish text still missing,
     * every problem the loader finds, and a name another module already has.
     */
    private Module ready(Draft draft, int version) {
        Map<String, Object> tree = drafts.tree(draft);
        List<FieldError> errors = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (String path : DraftTree.missingUnder(tree, "")) {
            String lang = path.substring(path.lastIndexOf('.') + 1);
            if (REQUIRED_LANGUAGES.contains(lang)) {
                errors.add(new FieldError("definition." + path, "authoring.review.missing." + lang));
                named.add(path);
            }
        }
        if (!draft.slug.equals(draft.basedOnSlug) && catalog.find(draft.slug).isPresent()) {
            errors.add(new FieldError("definition.slug", "authoring.slug.taken", draft.slug));
        }
        // Copied from a version that is no longer the newest: publishing it would silently undo what the newer one changed.
        if (draft.slug.equals(draft.basedOnSlug) && draft.basedOnVersion != null && version - 1 > draft.basedOnVersion) {
            errors.add(new FieldError("definition", "authoring.review.stale-base", version - 1, draft.basedOnVersion));
        }
        DraftCheck.Result check = drafts.check(draft, tree, String.valueOf(version));
        check.problems().stream().filter(p -> !named.contains(p.path()))
                .forEach(p -> errors.add(new FieldError(p.path().isEmpty() ? "definition" : "definition." + p.path(),
                        "authoring.loader", p.message())));
        if (!errors.isEmpty() || check.module() == null) {
            throw new ApiException(422, "draft-not-ready", "authoring.review.not-ready", errors);
        }
        return check.module();
    }

    private static String note(String text, boolean required) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() && required) {
            throw ApiException.invalid("comment", "authoring.review.comment.required");
        }
        if (t.length() > MAX_COMMENT) {
            throw ApiException.invalid("comment", "authoring.review.comment.too-long", MAX_COMMENT);
        }
        return t.isEmpty() ? null : t;
    }
}
