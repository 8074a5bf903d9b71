package fi.askel.content.authoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.askel.common.ApiException;
import fi.askel.common.Messages;
import fi.askel.content.Module;
import fi.askel.content.ModuleCatalog;
import fi.askel.content.ModuleVersion;
import fi.askel.content.VersionUsage;
import fi.askel.content.authoring.ReviewService.Comment;
import fi.askel.content.diff.DiffViews.ModuleDiff;
import fi.askel.content.diff.ModuleComparison;
import fi.askel.identity.Caller;
import fi.askel.identity.User;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A module's history for authors: every stored version, newest first, with who wrote and who approved it (or the
 * Askel release that shipped it), its review, and how many clients still work on it; and what changed between any two
 * versions, or between a draft and the version it was copied from.
 */
@ApplicationScoped
public class HistoryService {

    /**
     * One version: when it was published (or first loaded from the files, then {@code shippedWith} is the release,
     * null when an earlier one); who wrote it and who approved and published it; its review comments and how often it
     * was sent back; how many clients still work on it; whether new assignments get it.
     */
    @TemplateData
    public record VersionEntry(int version, Instant at, boolean fromFiles, String shippedWith, List<String> authors,
            Long approvedById, String approvedBy, Long draftId, List<Comment> comments, int returned, long clientsWorking,
            boolean current) {}

    /** A module's versions, newest first, with its title in the reader's language. */
    @TemplateData
    public record History(String slug, String title, List<VersionEntry> versions) {

        /** The version stored before {@code version}, or null when it is the first. */
        public Integer before(int version) {
            return versions.stream().map(VersionEntry::version).filter(v -> v < version).findFirst().orElse(null);
        }
    }

    private final DraftService drafts;
    private final ModuleCatalog catalog;
    private final VersionUsage usage;
    private final Messages messages;
    private final ObjectMapper json;

    public HistoryService(DraftService drafts, ModuleCatalog catalog, VersionUsage usage, Messages messages, ObjectMapper json) {
        this.drafts = drafts;
        this.catalog = catalog;
        this.usage = usage;
        this.messages = messages;
        this.json = json;
    }

    /** 404 for a module with no stored version; five queries however long the history. */
    @Transactional
    public History history(Caller caller, String slug, String lang) {
        drafts.requireAuthor(caller);
        List<ModuleVersion.Entry> stored = ModuleVersion.listHistory(slug);
        if (stored.isEmpty()) {
            throw ApiException.notFound("module");
        }
        Map<Integer, Draft.Publisher> publishers = new HashMap<>();
        Draft.listPublishers(slug).forEach(p -> publishers.putIfAbsent(p.version(), p));
        Map<Long, List<DraftComment>> comments = new HashMap<>();
        List<Long> draftIds = publishers.values().stream().map(Draft.Publisher::draftId).toList();
        DraftComment.listByDrafts(draftIds).forEach(c -> comments.computeIfAbsent(c.draftId, k -> new ArrayList<>()).add(c));
        Set<Long> people = new HashSet<>();
        stored.stream().filter(v -> v.publishedBy() != null).forEach(v -> people.add(v.publishedBy()));
        publishers.values().forEach(p -> {
            people.add(p.createdBy());
            people.add(p.updatedBy());
        });
        comments.values().forEach(list -> list.forEach(c -> people.add(c.authorId)));
        Map<Long, String> names = User.displayNames(people, null);
        Map<Integer, Long> working = usage.clientsWorking(slug);
        // New assignments get the files' version unless a published one is at least as new (ModuleCatalog.merge).
        int served = Math.max(catalog.shippedVersion(slug).orElse(-1), stored.stream()
                .filter(v -> v.publishedAt() != null).mapToInt(ModuleVersion.Entry::version).max().orElse(-1));
        List<VersionEntry> versions = new ArrayList<>();
        for (ModuleVersion.Entry v : stored) {
            Draft.Publisher p = v.publishedAt() == null ? null : publishers.get(v.version());
            List<DraftComment> review = p == null ? List.of() : comments.getOrDefault(p.draftId(), List.of());
            versions.add(new VersionEntry(v.version(), v.publishedAt() == null ? v.firstLoadedAt() : v.publishedAt(),
                    v.publishedAt() == null, v.shippedWith(), authors(p, review, names), v.publishedBy(),
                    v.publishedBy() == null ? null : names.get(v.publishedBy()), p == null ? null : p.draftId(),
                    review.stream().map(c -> new Comment(c.kind.name(), c.body, c.authorId, names.get(c.authorId), c.createdAt)).toList(),
                    (int) review.stream().filter(c -> c.kind == DraftComment.Kind.RETURNED).count(),
                    working.getOrDefault(v.version(), 0L), v.version() == served));
        }
        String title = catalog.find(slug).map(m -> m.title().get(lang)).orElse(slug);
        return new History(slug, title, versions);
    }

    /** What changed from version {@code from} to version {@code to}; 404 when either is not stored. */
    @Transactional
    public ModuleDiff diff(Caller caller, String slug, int from, int to, String lang) {
        drafts.requireAuthor(caller);
        Module before = catalog.find(slug, from).orElseThrow(() -> ApiException.notFound("version"));
        Module after = catalog.find(slug, to).orElseThrow(() -> ApiException.notFound("version"));
        return new ModuleDiff(slug, from, to, ModuleComparison.compare(json, before, after, labels(lang)));
    }

    /** What the draft changes in the version it was copied from; null for a new module or while the loader finds problems. */
    public ModuleDiff draftDiff(Draft draft, Module checked, String lang) {
        if (checked == null || draft.basedOnSlug == null || draft.basedOnVersion == null) {
            return null;
        }
        return catalog.find(draft.basedOnSlug, draft.basedOnVersion)
                .map(base -> new ModuleDiff(draft.basedOnSlug, draft.basedOnVersion, null,
                        ModuleComparison.compare(json, base, checked, labels(lang))))
                .orElse(null);
    }

    private java.util.function.Function<String, String> labels(String lang) {
        return new FieldLabels(messages, Messages.language(lang) == null ? Messages.DEFAULT_LANGUAGE : lang)::name;
    }

    /** Who wrote a published version: who began its draft, who sent it to review, who changed it last. */
    private static List<String> authors(Draft.Publisher p, List<DraftComment> review, Map<Long, String> names) {
        if (p == null) {
            return List.of();
        }
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(p.createdBy());
        review.stream().filter(c -> c.kind == DraftComment.Kind.SENT).forEach(c -> ids.add(c.authorId));
        ids.add(p.updatedBy());
        return ids.stream().map(id -> names.getOrDefault(id, "–")).toList();
    }
}
