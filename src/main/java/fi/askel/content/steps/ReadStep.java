package fi.askel.content.steps;

import com.fasterxml.jackson.databind.JsonNode;
import fi.askel.content.Localized;
import fi.askel.content.ModuleViews.MediaView;
import fi.askel.content.ModuleViews.StepView;
import fi.askel.content.YamlFields;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A text (Markdown, one file per language) with an optional link to media and optional illustrations; the
 * client confirms having read it.
 */
public record ReadStep(String key, Localized title, boolean required, Localized body, Media media, List<Image> images)
        implements Step {

    public record Media(String url, Localized caption) {}

    /** Versions stored before illustrations existed have none. */
    public ReadStep {
        images = images == null ? List.of() : List.copyOf(images);
    }

    static ReadStep read(StepReading r) {
        return new ReadStep(r.key(), r.title(), r.required(), r.markdown(), media(r.s()), Image.read(r));
    }

    private static Media media(YamlFields s) {
        if (!s.has("media")) {
            return null;
        }
        YamlFields m = s.nested("media", "media", Set.of("url", "caption"));
        String url = m.string("url", true);
        if (url != null && !url.startsWith("https://")) {
            m.problem(m.raw("url"), "media url must start with https://");
        }
        return new Media(url, m.localized("caption", true));
    }

    @Override
    public StepView view(ViewContext c) {
        MediaView view = media == null ? null : new MediaView(media.url(), media.caption().get(c.lang()));
        return new StepView(key, type(), c.typeLabel(), title.get(c.lang()), required, c.html(body.get(c.lang())), view,
                null, null, null, null, null, null, null, null, null, answerShape(), null, Image.views(images, c));
    }

    @Override
    public JsonNode check(JsonNode answer, boolean done, AnswerCheck c) {
        return checkRead(answer, done, c);
    }

    @Override
    public JsonNode fromForm(Map<String, List<String>> form, JsonNode saved) {
        return AnswerCheck.NODES.objectNode().put("read", true);
    }

    @Override
    public Object review(JsonNode answer, ReviewContext c) {
        return reviewRead(answer, c);
    }

    /** Pressing "read, continue" is the answer, so there is no draft to save while typing. */
    @Override
    public boolean autosaves() {
        return false;
    }

    /** {@code {read: true}}: shared by the steps answered like a read step. */
    static JsonNode checkRead(JsonNode a, boolean done, AnswerCheck c) {
        boolean read = a.path("read").asBoolean(false);
        if (done && !read) {
            c.error("answer.read", "answer.read.required");
        }
        return AnswerCheck.NODES.objectNode().put("read", read);
    }

    static ReviewLine reviewRead(JsonNode a, ReviewContext c) {
        boolean read = a.path("read").asBoolean();
        return new ReviewLine(c.t(read ? "review.answer.read" : "review.answer.not-read"), "", null, read);
    }

    @Override
    public Map<String, Object> sampleAnswer(SplittableRandom random, LocalDate day) {
        return new LinkedHashMap<>(Map.of("read", true)); // the client has read it
    }
}
