package fi.askel.rehab.adaptation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import fi.askel.content.Module;
import fi.askel.content.steps.ExerciseStep;
import fi.askel.content.steps.Step;
import java.time.Instant;
import java.util.Map;

/**
 * How the specialist adapted one assignment for its client: steps left out, exercise doses changed, personal notes
 * (per step and for the whole exercise). The module version stays as it is; the client's version is made from it
 * on the fly ({@link #forClient}). {@code steps} is keyed by step key, in the module's order.
 * <p>
 * A step skipped after the client answered it keeps its answer: it is the client's record (kept, exported), shown to
 * staff under the skipped step, hidden from the client's work, and back if the step is taken into use again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Adaptation(Map<String, StepChange> steps, String note, Long changedBy, Instant changedAt) {

    /** The module as it is. */
    public static final Adaptation NONE = new Adaptation(Map.of(), null, null, null);

    /** What changes in one step; {@code dose} only for exercise steps, each amount null where the module's stays. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepChange(boolean skipped, Dose dose, String note) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dose(Integer sets, Integer reps, Integer minutes, Integer daysPerWeek) {

        @JsonIgnore
        public boolean isEmpty() {
            return sets == null && reps == null && minutes == null && daysPerWeek == null;
        }
    }

    public Adaptation {
        steps = steps == null ? Map.of() : steps;
    }

    @JsonIgnore
    public boolean isEmpty() {
        return steps.isEmpty() && note == null;
    }

    public boolean skips(String key) {
        StepChange c = steps.get(key);
        return c != null && c.skipped();
    }

    /** The personal note at the step, or null. */
    public String noteAt(String key) {
        StepChange c = steps.get(key);
        return c == null ? null : c.note();
    }

    /** Whether the specialist changed the step's dose. */
    public boolean changesDose(String key) {
        StepChange c = steps.get(key);
        return c != null && c.dose() != null && !c.dose().isEmpty();
    }

    /** The step as this client does it (an exercise with the specialist's dose); other steps as they are. */
    public Step adapt(Step step) {
        if (step instanceof ExerciseStep e && changesDose(step.key())) {
            Dose d = steps.get(step.key()).dose();
            return e.withDose(d.sets(), d.reps(), d.minutes(), d.daysPerWeek());
        }
        return step;
    }

    /** The module as this client does it: skipped steps left out, doses as the specialist set them. */
    public Module forClient(Module m) {
        if (isEmpty()) {
            return m;
        }
        return copy(m, m.steps().stream().filter(s -> !skips(s.key())).map(this::adapt).toList());
    }

    /** Every step of the module, the doses as the specialist set them (for staff, who also see the skipped steps). */
    public Module withDoses(Module m) {
        return steps.isEmpty() ? m : copy(m, m.steps().stream().map(this::adapt).toList());
    }

    private static Module copy(Module m, java.util.List<Step> steps) {
        return new Module(m.slug(), m.version(), m.estimatedMinutes(), m.themes(), m.targetGroups(), m.title(), m.summary(), steps);
    }
}
