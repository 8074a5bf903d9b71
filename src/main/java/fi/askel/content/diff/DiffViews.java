package fi.askel.content.diff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.qute.TemplateData;
import java.util.List;

/** What changed between two versions of a module, per language and per step (see {@link ModuleComparison}). */
public final class DiffViews {

    private DiffViews() {}

    /** A run of text: unchanged, removed or added. */
    @TemplateData
    public record Segment(String kind, String text) {
        public static final String SAME = "same";
        public static final String ADDED = "added";
        public static final String REMOVED = "removed";

        @JsonIgnore
        public boolean isAdded() {
            return ADDED.equals(kind);
        }

        @JsonIgnore
        public boolean isRemoved() {
            return REMOVED.equals(kind);
        }
    }

    /** One changed value: its place in the module ({@code field}, e.g. {@code body} or {@code items.1.label}), named for the reader. */
    @TemplateData
    public record Change(String field, String label, String before, String after, List<Segment> words) {}

    /**
     * One step that differs: {@code status} added, removed, changed or moved (a changed step may also have moved);
     * its position (1-based) in the older and the newer version, null where it is not.
     */
    @TemplateData
    public record StepChange(String key, String type, String title, String status, boolean moved, Integer before,
            Integer after, List<Change> changes) {}

    /** How many steps changed, were added, removed and moved, and whether the module's own fields changed. */
    @TemplateData
    public record Summary(int changed, int added, int removed, int moved, boolean details) {

        @JsonIgnore
        public boolean isNone() {
            return changed == 0 && added == 0 && removed == 0 && moved == 0 && !details;
        }
    }

    /** The differences as read in one language: the module's own fields, then the steps in the newer version's order. */
    @TemplateData
    public record LanguageDiff(String lang, Summary summary, List<Change> details, List<StepChange> steps) {}

    /** A comparison of two versions of a module, or ({@code to} null) of a draft with the version it was copied from. */
    @TemplateData
    public record ModuleDiff(String slug, int from, Integer to, List<LanguageDiff> languages) {

        /** The comparison in one language, e.g. the reader's. */
        public LanguageDiff in(String lang) {
            return languages.stream().filter(l -> l.lang().equals(lang)).findFirst().orElse(languages.get(0));
        }
    }
}
