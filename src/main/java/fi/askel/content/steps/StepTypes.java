package fi.askel.content.steps;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import java.util.List;
import java.util.Set;

/**
 * The one place step types are registered: name, record, the module.yaml fields of the type and its
 * reader. The loader, the stored module versions (JSON) and the completeness test all go through this
 * list; a new type is its record, its two templates and one line here (and in Step's permits).
 */
public final class StepTypes {

    /** What module.yaml says of every step, whatever its type. */
    public static final Set<String> COMMON_FIELDS = Set.of("key", "type", "title", "required");

    /** One step type: what the loader accepts for it and how it reads it. */
    public record StepType(String name, Class<? extends Step> type, Set<String> fields, Reader reader) {}

    /** Reads the type's own fields (the common ones are read before). */
    @FunctionalInterface
    public interface Reader {
        Step read(StepReading r);
    }

    public static final List<StepType> ALL = List.of(
            new StepType("read", ReadStep.class, Set.of("media", "images"), ReadStep::read),
            new StepType("reflection", ReflectionStep.class, Set.of("prompt", "maxLength"), ReflectionStep::read),
            new StepType("scale", ScaleStep.class, Set.of("prompt", "items"), ScaleStep::read),
            new StepType("checklist", ChecklistStep.class, Set.of("prompt", "items"), ChecklistStep::read),
            new StepType("exercise", ExerciseStep.class, Set.of("dose", "images", "log"), ExerciseStep::read),
            new StepType("quiz", QuizStep.class, Set.of("questions"), QuizStep::read),
            new StepType("goal", GoalStep.class, Set.of("prompt"), GoalStep::read),
            new StepType("questionnaire", QuestionnaireStep.class,
                    Set.of("prompt", "instrument", "translationSource", "options", "items", "scoring", "bands", "flagAtOrBelow"), QuestionnaireStep::read),
            new StepType("safety", SafetyStep.class, Set.of("topics"), SafetyStep::read),
            new StepType("diary", DiaryStep.class, Set.of("prompt", "log"), DiaryStep::read),
            new StepType("plan", PlanStep.class, Set.of("prompt", "maxLength", "parts"), PlanStep::read));

    private StepTypes() {}

    static List<String> names() {
        return ALL.stream().map(StepType::name).toList();
    }

    /** The type of this name, or null when the loader knows none. */
    public static StepType byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    static StepType of(Class<?> type) {
        return ALL.stream().filter(t -> t.type() == type).findFirst()
                .orElseThrow(() -> new IllegalStateException(type + " is not registered in StepTypes"));
    }

    /** Names each step in a stored module version by its type, as in module.yaml. */
    static final class IdResolver extends TypeIdResolverBase {

        @Override
        public String idFromValue(Object value) {
            return ((Step) value).type();
        }

        @Override
        public String idFromValueAndType(Object value, Class<?> suggestedType) {
            return value != null ? idFromValue(value) : of(suggestedType).name();
        }

        @Override
        public JavaType typeFromId(DatabindContext context, String id) {
            StepType type = byName(id);
            return type == null ? null : context.constructType(type.type());
        }

        @Override
        public String getDescForKnownTypeIds() {
            return String.join(", ", names());
        }

        @Override
        public JsonTypeInfo.Id getMechanism() {
            return JsonTypeInfo.Id.CUSTOM;
        }
    }
}
