package fi.askel.content.authoring;

import fi.askel.content.Module;
import fi.askel.content.steps.Step;
import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.List;

/** What the authoring pages and API show of drafts. */
public final class DraftViews {

    private DraftViews() {}

    /** A draft in the list: its title in the reader's language (or the first written one). */
    @TemplateData
    public record DraftSummary(Long id, String slug, String title, String basedOnSlug, Integer basedOnVersion,
            String status, Instant updatedAt) {}

    /** One step in the module editor's list. */
    @TemplateData
    public record StepRow(int index, int number, String key, String type, String typeLabel, String title, int problems,
            int missing, int outdated, boolean first, boolean last) {}

    /**
     * The module editor: the module's own fields, its steps, what the loader says, what just happened, and what the
     * draft changes in the version it was copied from (null for a new module or while the loader finds problems).
     */
    @TemplateData
    public record ModuleEditor(Long id, int revision, String slug, String title, String basedOn, Editor module, List<StepRow> steps,
            List<String> general, int problemCount, int outdatedCount, boolean previewable, String message, String error,
            List<String> themes, List<String> targetGroups, List<String> stepTypes, ReviewService.Review review,
            List<String> refusal, fi.askel.content.diff.DiffViews.ModuleDiff diff) {}

    /**
     * The editor of one step; for a step that may show pictures, their URLs by file name and the upload form (as typed
     * when refused, with the messages at its fields).
     */
    @TemplateData
    public record StepEditor(Long id, int revision, String slug, String moduleTitle, int index, int number, int total,
            String type, String typeLabel, Editor step, List<String> problems, String message, String error,
            List<String> safetyTopics, boolean picturesAllowed, java.util.Map<String, String> pictureUrls,
            PictureForm pictureForm, long pictureMaxKb, int pictureMaxSide) {

        /** The type's editor form: templates/steps/&lt;type&gt;/editor.html. */
        public String editorTemplate() {
            return "steps/" + type + "/editor";
        }
    }

    /** The picture upload form: the descriptions as typed (fields {@code alt.fi}…) and what was wrong with the file. */
    @TemplateData
    public record PictureForm(Editor alt, String fileError) {}

    /**
     * A draft for the API: the tree as stored and the loader's messages with the paths they concern; the translations
     * still to write, and those older than their Finnish text (a warning: publishing is not blocked by them).
     */
    public record DraftView(Long id, String slug, String status, String basedOnSlug, Integer basedOnVersion, int revision,
            Instant updatedAt, Object definition, List<DraftCheck.Problem> problems, List<String> missingTranslations,
            List<String> outdatedTranslations) {}

    /** Module.THEMES etc. for the choices, and the registered step types, in their order. */
    static List<String> stepTypes() {
        return Step.TYPES;
    }

    static List<String> themes() {
        return Module.THEMES;
    }

    static List<String> targetGroups() {
        return Module.TARGET_GROUPS;
    }
}
