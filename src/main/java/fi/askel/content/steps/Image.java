package fi.askel.content.steps;

import fi.askel.content.ImageFiles;
import fi.askel.content.Localized;
import fi.askel.content.ModuleViews.ImageView;
import fi.askel.content.YamlFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An illustration of a step, shipped in the module's folder (see exercises/README.md, "Illustrations"):
 * its file, its alt text in every language, the hash of its content (which names it in its URL) and its
 * size in pixels (so the page keeps its place before it loads). Not part of the structure hash: a
 * picture does not change what the answer holds.
 */
public record Image(String file, Localized alt, String hash, int width, int height) {

    static final Set<String> FIELDS = Set.of("file", "alt");

    /** The step's {@code images} list (optional), each file checked; problems go to the step's file and line. */
    static List<Image> read(StepReading r) {
        YamlFields s = r.s();
        List<Image> images = new ArrayList<>();
        if (!s.has("images")) {
            return images;
        }
        Set<String> seen = new HashSet<>();
        for (YamlFields i : s.list("images", false, "image", FIELDS)) {
            String file = i.string("file", true);
            Localized alt = i.localized("alt", true);
            if (file == null) {
                continue;
            }
            if (!seen.add(file)) {
                i.problem(i.raw("file"), "image \"" + file + "\" is listed twice in this step");
                continue;
            }
            ImageFiles.Checked checked = ImageFiles.check(r.folder(), file, message -> i.problem(i.raw("file"), message));
            if (checked != null && alt != null) {
                images.add(new Image(file, alt, checked.hash(), checked.width(), checked.height()));
            }
        }
        return images;
    }

    /** The step's images in the reader's language, with their URLs. */
    static List<ImageView> views(List<Image> images, ViewContext c) {
        return images == null || images.isEmpty() ? null
                : images.stream().map(i -> new ImageView(c.imageUrl(i), i.alt().get(c.lang()), i.width(), i.height())).toList();
    }
}
