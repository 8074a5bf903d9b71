package fi.askel.content;

import fi.askel.common.ApiException;
import fi.askel.common.Messages;
import fi.askel.content.ModuleViews.BandView;
import fi.askel.content.ModuleViews.ChoiceView;
import fi.askel.content.ModuleViews.DoseView;
import fi.askel.content.ModuleViews.ItemView;
import fi.askel.content.ModuleViews.Label;
import fi.askel.content.ModuleViews.MediaView;
import fi.askel.content.ModuleViews.ModuleSummaryView;
import fi.askel.content.ModuleViews.ModuleView;
import fi.askel.content.ModuleViews.OptionView;
import fi.askel.content.ModuleViews.QuestionView;
import fi.askel.content.ModuleViews.SafetyView;
import fi.askel.content.ModuleViews.ScoringView;
import fi.askel.content.ModuleViews.StepView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
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
        return new ModuleView(m.slug(), m.version(), lang, m.title().get(lang), m.summary().get(lang), m.estimatedMinutes(),
                labels("theme.", m.themes(), lang), labels("target-group.", m.targetGroups(), lang),
                m.steps().stream().map(s -> step(s, lang)).toList());
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

    private StepView step(Step step, String lang) {
        String typeLabel = messages.get(lang, "step-type." + step.type());
        String title = step.title().get(lang);
        return switch (step.type()) {
            case "read" -> {
                Step.Read r = (Step.Read) step;
                MediaView media = r.media() == null ? null : new MediaView(r.media().url(), r.media().caption().get(lang));
                yield new StepView(r.key(), r.type(), typeLabel, title, r.required(), markdown.toHtml(r.body().get(lang)),
                        media, null, null, null, null, null, null, null, null, null, step.answerShape(), null);
            }
            case "reflection" -> {
                Step.Reflection r = (Step.Reflection) step;
                yield new StepView(r.key(), r.type(), typeLabel, title, r.required(), null, null, r.prompt().get(lang),
                        r.maxLength(), null, null, null, null, null, null, null, step.answerShape(), null);
            }
            case "scale" -> {
                Step.Scale s = (Step.Scale) step;
                List<ItemView> items = s.items().stream().map(i -> new ItemView(i.key(), i.label().get(lang), i.min(),
                        i.max(), i.minLabel().get(lang), i.maxLabel().get(lang))).toList();
                yield new StepView(s.key(), s.type(), typeLabel, title, s.required(), null, null, text(s.prompt(), lang),
                        null, items, null, null, null, null, null, null, step.answerShape(), null);
            }
            case "checklist" -> {
                Step.Checklist c = (Step.Checklist) step;
                List<ItemView> items = c.items().stream()
                        .map(i -> new ItemView(i.key(), i.label().get(lang), null, null, null, null)).toList();
                yield new StepView(c.key(), c.type(), typeLabel, title, c.required(), null, null, text(c.prompt(), lang),
                        null, items, null, null, null, null, null, null, step.answerShape(), null);
            }
            case "exercise" -> {
                Step.Exercise e = (Step.Exercise) step;
                Step.Dose d = e.dose();
                DoseView dose = new DoseView(d.sets(), d.reps(), d.minutes(), d.daysPerWeek(), doseText(d, lang));
                yield new StepView(e.key(), e.type(), typeLabel, title, e.required(), markdown.toHtml(e.body().get(lang)),
                        null, null, null, null, dose, null, null, null, null, null, step.answerShape(), null);
            }
            case "quiz" -> {
                Step.Quiz q = (Step.Quiz) step;
                List<QuestionView> questions = q.questions().stream().map(question -> new QuestionView(question.key(),
                        question.text().get(lang),
                        question.choices().stream().map(c -> new ChoiceView(c.key(), c.text().get(lang), c.correct())).toList(),
                        question.explanation().get(lang))).toList();
                yield new StepView(q.key(), q.type(), typeLabel, title, q.required(), null, null, null, null, null, null,
                        questions, null, null, null, null, step.answerShape(), null);
            }
            case "safety" -> {
                Step.Safety sf = (Step.Safety) step;
                SafetyText shared = catalog.safety();
                String preface = sf.preface() == null ? null : markdown.toHtml(sf.preface().get(lang));
                SafetyView safety = shared == null ? null : safetyView(shared, sf.topics(), lang);
                yield new StepView(sf.key(), sf.type(), typeLabel, title, sf.required(), preface, null, null, null, null,
                        null, null, null, null, null, null, step.answerShape(), safety);
            }
            case "goal" -> {
                Step.Goal g = (Step.Goal) step;
                yield new StepView(g.key(), g.type(), typeLabel, title, g.required(), null, null, g.prompt().get(lang),
                        null, null, null, null, null, null, null, null, step.answerShape(), null);
            }
            default -> {
                Step.Questionnaire q = (Step.Questionnaire) step;
                List<ItemView> items = q.items().stream()
                        .map(i -> new ItemView(i.key(), i.text().get(lang), null, null, null, null)).toList();
                List<OptionView> options = q.options().stream().map(o -> new OptionView(o.value(), o.label().get(lang))).toList();
                ScoringView scoring = new ScoringView(q.scoring().method(), q.scoring().multiplier(),
                        q.scoring().higherIsBetter(), q.minScore(), q.maxScore());
                List<BandView> bands = q.bands().stream().map(b -> new BandView(b.min(), b.max(), b.label().get(lang))).toList();
                yield new StepView(q.key(), q.type(), typeLabel, title, q.required(), null, null, q.prompt().get(lang),
                        null, items, null, null, q.instrument(), options, scoring, bands, step.answerShape(), null);
            }
        };
    }

    private String doseText(Step.Dose d, String lang) {
        List<String> parts = new ArrayList<>();
        if (d.sets() != null) {
            parts.add(messages.get(lang, "dose.sets", d.sets()));
        }
        if (d.reps() != null) {
            parts.add(messages.get(lang, "dose.reps", d.reps()));
        }
        if (d.minutes() != null) {
            parts.add(messages.get(lang, "dose.minutes", d.minutes()));
        }
        parts.add(messages.get(lang, "dose.days", d.daysPerWeek()));
        return String.join(", ", parts);
    }

    private static String text(Localized text, String lang) {
        return text == null ? null : text.get(lang);
    }
}
