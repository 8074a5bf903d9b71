package fi.askel.content.authoring;

import fi.askel.common.Messages;
import fi.askel.content.ModuleCatalog;
import fi.askel.content.SafetyText;
import fi.askel.content.authoring.DraftViews.DraftSummary;
import fi.askel.content.authoring.DraftViews.ModuleEditor;
import fi.askel.content.authoring.DraftViews.PictureForm;
import fi.askel.content.authoring.DraftViews.StepEditor;
import fi.askel.content.authoring.DraftViews.StepRow;
import fi.askel.identity.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds what the authoring pages show from a draft, its tree (as stored or as typed) and the loader's check. */
@ApplicationScoped
public class EditorViews {

    private final Messages messages;
    private final ModuleCatalog catalog;
    private final ReviewService reviews;
    private final HistoryService history;
    private final SecurityIdentity identity;
    private final DraftPictures pictures;
    private final PictureCheck checks;
    private final DraftService drafts;

    public EditorViews(Messages messages, ModuleCatalog catalog, ReviewService reviews, HistoryService history,
            SecurityIdentity identity, DraftPictures pictures, PictureCheck checks, DraftService drafts) {
        this.pictures = pictures;
        this.checks = checks;
        this.drafts = drafts;
        this.messages = messages;
        this.catalog = catalog;
        this.reviews = reviews;
        this.history = history;
        this.identity = identity;
    }

    public DraftSummary summary(Draft d, Map<String, Object> tree, String lang) {
        return new DraftSummary(d.id, d.slug, title(tree, "", lang, d.slug), d.basedOnSlug, d.basedOnVersion, d.status.name(),
                d.updatedAt);
    }

    public ModuleEditor module(Draft d, DraftService.Outcome o, String lang, String message, String error) {
        return module(d, o, lang, message, error, List.of());
    }

    /** The module editor with its review panel; {@code refusal}: why sending or approving was refused, one line each. */
    public ModuleEditor module(Draft d, DraftService.Outcome o, String lang, String message, String error, List<String> refusal) {
        Map<String, Object> tree = o.tree();
        List<DraftCheck.Problem> problems = o.check().problems();
        Set<String> outdated = drafts.outdated(d);
        List<StepRow> rows = new ArrayList<>();
        List<Object> steps = DraftTree.list(tree, "steps");
        int total = steps == null ? 0 : steps.size();
        for (int i = 0; i < total; i++) {
            String at = "steps." + i;
            String type = DraftTree.text(tree, at + ".type");
            rows.add(new StepRow(i, i + 1, DraftTree.text(tree, at + ".key"), type, messages.get(lang, "step-type." + type),
                    title(tree, at, lang, DraftTree.text(tree, at + ".key")), o.check().within(at).size(),
                    DraftTree.missingUnder(tree, at).size(), OutdatedTranslations.within(outdated, at).size(), i == 0,
                    i == total - 1));
        }
        List<String> general = problems.stream().filter(p -> p.path().isEmpty() || p.path().equals("steps")
                || p.path().equals("version")).map(DraftCheck.Problem::message).distinct().toList();
        return new ModuleEditor(d.id, d.revision, d.slug, title(tree, "", lang, d.slug), d.basedOnSlug == null ? null : d.basedOnSlug + " v" + d.basedOnVersion,
                new Editor(tree, "", problems, outdated), rows, general, problems.size(), outdated.size(),
                o.check().module() != null, message, error,
                DraftViews.themes(), DraftViews.targetGroups(), DraftViews.stepTypes(),
                reviews.review(identity.getAttribute(Caller.ATTRIBUTE), d), refusal,
                history.draftDiff(d, o.check().module(), lang));
    }

    public StepEditor step(Draft d, DraftService.Outcome o, int index, String lang, String message, String error) {
        return step(d, o, index, lang, message, error, new PictureForm(new Editor(new java.util.HashMap<>(), "", List.of()), null));
    }

    /** The step editor with the picture upload form as typed ({@code picture}). */
    public StepEditor step(Draft d, DraftService.Outcome o, int index, String lang, String message, String error,
            PictureForm picture) {
        Map<String, Object> tree = o.tree();
        String at = "steps." + index;
        List<DraftCheck.Problem> relative = o.check().within(at).stream()
                .map(p -> new DraftCheck.Problem(p.path().equals(at) ? "" : p.path().substring(at.length() + 1), p.message()))
                .toList();
        String type = DraftTree.text(tree, at + ".type");
        List<Object> steps = DraftTree.list(tree, "steps");
        SafetyText safety = catalog.safety();
        return new StepEditor(d.id, d.revision, d.slug, title(tree, "", lang, d.slug), index, index + 1,
                steps == null ? 0 : steps.size(), type, messages.get(lang, "step-type." + type),
                new Editor(DraftTree.get(tree, at), "", relative, OutdatedTranslations.within(drafts.outdated(d), at)),
                relative.stream().map(DraftCheck.Problem::message).distinct().toList(), message, error,
                safety == null ? List.of() : safety.topics(), DraftPictures.allowed(type), pictures.urls(d, DraftTree.get(tree, at)),
                picture, checks.maxBytes() / 1024, fi.askel.content.ImageFiles.MAX_SIDE);
    }

    /** A title in the reader's language, else the first one written, else {@code fallback}. */
    static String title(Map<String, Object> tree, String at, String lang, String fallback) {
        String prefix = at.isEmpty() ? "title" : at + ".title";
        String own = DraftTree.text(tree, prefix + "." + lang);
        if (!own.isBlank()) {
            return own;
        }
        return Messages.LANGUAGES.stream().map(l -> DraftTree.text(tree, prefix + "." + l)).filter(t -> !t.isBlank())
                .findFirst().orElse(fallback);
    }
}
