package fi.askel.content;

import fi.askel.common.ApiException;
import fi.askel.common.Messages;
import fi.askel.content.ModuleViews.Label;
import fi.askel.content.ModuleViews.ModuleSummaryView;
import fi.askel.content.ModuleViews.ModuleView;
import fi.askel.content.ModuleViews.SafetyView;
import fi.askel.content.ModuleViews.StepView;
import fi.askel.content.steps.Image;
import fi.askel.content.steps.MessageTexts;
import fi.askel.content.steps.Step;
import fi.askel.content.steps.ViewContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Modules in the reader's language, for the API and the pages alike. */
@ApplicationScoped
public class ModuleService {

    private final ModuleCatalog catalog;
    private final Markdown markdown;
    private final Messages messages;

    public ModuleService(ModuleCatalog catalog, Markdown markdown, Messages messages) {
        this.catalog = catalog;
        this.markdown = markdown;
        this.messages = messages;
    }

    public List<ModuleSummaryView> list(String lang, String theme) {
        if (theme != null && !theme.isBlank() && !Module.THEMES.contains(theme)) {
            throw ApiException.invalid("theme", "content.theme.unknown", String.join(", ", Module.THEMES));
        }
        return catalog.all().stream()
                .filter(m -> theme == null || theme.isBlank() || m.themes().contains(theme))
                .map(m -> new ModuleSummaryView(m.slug(), m.version(), m.title().get(lang), m.summary().get(lang),
                        m.estimatedMinutes(), m.steps().size(), labels("theme.", m.themes(), lang),
                        labels("target-group.", m.targetGroups(), lang)))
                .toList();
    }

    public Optional<ModuleView> find(String slug, Integer version, String lang) {
        Optional<Module> module = version == null ? catalog.find(slug) : catalog.find(slug, version);
        return module.map(m -> view(m, lang));
    }

    public ModuleView view(Module m, String lang) {
        return view(m, m.version(), lang);
    }

    /** A draft as a client would see it, its pictures fetched from {@code imagesUrl} (the draft's own). */
    public ModuleView preview(Module draft, String lang, String imagesUrl) {
        return view(draft, imagesUrl, lang);
    }

    private ModuleView view(Module m, int version, String lang) {
        return view(m, ModuleImages.url(m.slug(), version), lang);
    }

    private ModuleView view(Module m, String imagesUrl, String lang) {
        return new ModuleView(m.slug(), m.version(), lang, m.title().get(lang), m.summary().get(lang), m.estimatedMinutes(),
                labels("theme.", m.themes(), lang), labels("target-group.", m.targetGroups(), lang),
                m.steps().stream().map(s -> step(s, lang, imagesUrl)).toList());
    }

    /** The whole shared safety text (every topic) in a language, e.g. for the emergency help page; null when there is none. */
    public SafetyView safety(String lang) {
        SafetyText shared = catalog.safety();
        return shared == null ? null : safetyView(shared, List.of(), lang);
    }

    private SafetyView safetyView(SafetyText shared, List<String> topics, String lang) {
        return new SafetyView(shared.version(), shared.reviewed().toString(), topics.isEmpty() ? shared.topics() : topics,
                markdown.toHtml(shared.markdown(lang, topics)));
    }

    public List<Label> themes(String lang) {
        return labels("theme.", Module.THEMES, lang);
    }

    private List<Label> labels(String prefix, List<String> keys, String lang) {
        return keys.stream().map(k -> new Label(k, messages.get(lang, prefix + k))).toList();
    }

    private StepView step(Step step, String lang, String imagesUrl) {
        return step.view(new StepViewContext(lang, messages.get(lang, "step-type." + step.type()), imagesUrl));
    }

    /** A step shown in one language, with the shared safety text of this catalogue. */
    private final class StepViewContext extends MessageTexts implements ViewContext {

        private final String typeLabel;
        private final String imagesUrl;

        StepViewContext(String lang, String typeLabel, String imagesUrl) {
            super(messages, lang);
            this.typeLabel = typeLabel;
            this.imagesUrl = imagesUrl;
        }

        @Override
        public String imageUrl(Image image) {
            return imagesUrl + image.hash() + "/" + image.file();
        }

        @Override
        public String typeLabel() {
            return typeLabel;
        }

        @Override
        public String html(String text) {
            return markdown.toHtml(text);
        }

        @Override
        public SafetyView safety(List<String> topics) {
            SafetyText shared = catalog.safety();
            return shared == null ? null : safetyView(shared, topics, lang());
        }
    }
}
