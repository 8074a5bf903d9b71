package fi.askel.followup;

import com.fasterxml.jackson.databind.JsonNode;
import fi.askel.common.Messages;
import fi.askel.content.Module;
import fi.askel.content.ModuleViews.ModuleView;
import fi.askel.content.ModuleViews.StepView;
import fi.askel.content.steps.ExerciseStep;
import fi.askel.content.steps.MessageTexts;
import fi.askel.content.steps.ReviewContext;
import fi.askel.content.steps.Step;
import fi.askel.rehab.AssignmentViews.StepProgress;
import fi.askel.rehab.adaptation.Adaptation;
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
     * ({@link #template()}), null when there is no answer; {@code adapted} what the specialist changed of the step
     * for this client.
     */
    @TemplateData
    public record AnsweredStep(String key, String type, String typeLabel, String title, String prompt, boolean required,
            boolean answered, boolean done, Object answer, Adapted adapted) {

        /** The step type's review (frontend/templates/steps/&lt;type&gt;/review.html). */
        public String template() {
            return "steps/" + type + "/review";
        }
    }

    /**
     * The step as adapted for the client: left out ({@code skipped}; an answer given before stays), the personal note,
     * and the dose set for the client next to the module's (null when the dose is the module's).
     */
    @TemplateData
    public record Adapted(boolean skipped, String note, String dose, String moduleDose) {

        static final Adapted NONE = new Adapted(false, null, null, null);
    }

    private final Formats fmt;

    AnsweredSteps(Messages messages, String lang) {
        super(messages, lang);
        this.fmt = new Formats(lang);
    }

    /** The steps as the client's version has them: adapted doses, the skipped steps marked. */
    List<AnsweredStep> of(Module module, ModuleView view, List<StepProgress> progress, Adaptation adaptation) {
        Map<String, StepProgress> byKey = progress.stream().collect(Collectors.toMap(StepProgress::key, Function.identity()));
        return view.steps().stream().map(s -> {
            StepProgress p = byKey.get(s.key());
            JsonNode answer = p == null ? null : p.answer();
            Step step = module.step(s.key()).orElseThrow();
            return step(s, adaptation.adapt(step), answer, p != null && p.done(), adapted(step, adaptation));
        }).toList();
    }

    /** What the adaptation changes of the step, in words. */
    Adapted adapted(Step step, Adaptation adaptation) {
        boolean dose = adaptation.changesDose(step.key()) && step instanceof ExerciseStep;
        if (!adaptation.skips(step.key()) && !dose && adaptation.noteAt(step.key()) == null) {
            return Adapted.NONE;
        }
        return new Adapted(adaptation.skips(step.key()), adaptation.noteAt(step.key()),
                dose ? ((ExerciseStep) adaptation.adapt(step)).doseText(this) : null,
                dose ? ((ExerciseStep) step).doseText(this) : null);
    }

    private AnsweredStep step(StepView s, Step step, JsonNode a, boolean done, Adapted adapted) {
        return new AnsweredStep(s.key(), s.type(), s.typeLabel(), s.title(), s.prompt(), s.required(), a != null, done,
                a == null ? null : step.review(a, this), adapted);
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
