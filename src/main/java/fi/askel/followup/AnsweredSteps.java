package fi.askel.followup;

import com.fasterxml.jackson.databind.JsonNode;
import fi.askel.common.Messages;
import fi.askel.content.Module;
import fi.askel.content.ModuleViews.ModuleView;
import fi.askel.content.ModuleViews.StepView;
import fi.askel.content.steps.MessageTexts;
import fi.askel.content.steps.ReviewContext;
import fi.askel.content.steps.Step;
import fi.askel.rehab.AssignmentViews.StepProgress;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The client's answers laid next to each step's prompt and items, readable for the specialist. */
final class AnsweredSteps extends MessageTexts implements ReviewContext {

    /**
     * One step with its answer; {@code answer} is what the step type makes of it for its own template
     * ({@link #template()}), null when there is no answer.
     */
    @TemplateData
    public record AnsweredStep(String key, String type, String typeLabel, String title, String prompt, boolean required,
            boolean answered, boolean done, Object answer) {

        /** The step type's review (frontend/templates/steps/&lt;type&gt;/review.html). */
        public String template() {
            return "steps/" + type + "/review";
        }
    }

    private final Formats fmt;

    AnsweredSteps(Messages messages, String lang) {
        super(messages, lang);
        this.fmt = new Formats(lang);
    }

    List<AnsweredStep> of(Module module, ModuleView view, List<StepProgress> progress) {
        Map<String, StepProgress> byKey = progress.stream().collect(Collectors.toMap(StepProgress::key, Function.identity()));
        return view.steps().stream().map(s -> {
            StepProgress p = byKey.get(s.key());
            JsonNode answer = p == null ? null : p.answer();
            Step step = module.step(s.key()).orElseThrow();
            return step(s, step, answer, p != null && p.done());
        }).toList();
    }

    private AnsweredStep step(StepView s, Step step, JsonNode a, boolean done) {
        return new AnsweredStep(s.key(), s.type(), s.typeLabel(), s.title(), s.prompt(), s.required(), a != null, done,
                a == null ? null : step.review(a, this));
    }

    @Override
    public String date(LocalDate date) {
        return fmt.date(date);
    }

    @Override
    public String signed(int value) {
        return fmt.signed(value);
    }

    @Override
    public boolean highPain(int pain) {
        return pain >= Flag.HIGH_PAIN_LEVEL;
    }
}
