package fi.askel.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What answers depend on: step keys and types, item keys, ranges, choices, options, scoring and
 * bands. Wording is left out, so correcting a text keeps the version while changing a step does not.
 * A step counts by the shape of its answer, so a {@code read} step that becomes a {@code safety} step
 * (answered the same way) keeps the version and the progress recorded on it.
 */
final class StructureHash {

    private StructureHash() {}

    static String of(Module module) {
        StringBuilder sb = new StringBuilder();
        for (Step step : module.steps()) {
            sb.append(step.key()).append(':').append(step.answerShape()).append(':').append(step.required()).append('{');
            switch (step.type()) {
                case "reflection" -> sb.append(((Step.Reflection) step).maxLength());
                case "scale" -> ((Step.Scale) step).items().forEach(i ->
                        sb.append(i.key()).append('=').append(i.min()).append("..").append(i.max()).append(';'));
                case "checklist" -> ((Step.Checklist) step).items().forEach(i -> sb.append(i.key()).append(';'));
                case "exercise" -> sb.append(((Step.Exercise) step).dose());
                case "quiz" -> ((Step.Quiz) step).questions().forEach(q -> {
                    sb.append(q.key()).append('[');
                    q.choices().forEach(c -> sb.append(c.key()).append(c.correct() ? "*" : "").append(','));
                    sb.append(']');
                });
                case "questionnaire" -> {
                    Step.Questionnaire q = (Step.Questionnaire) step;
                    sb.append(q.instrument()).append(q.scoring());
                    q.options().forEach(o -> sb.append(o.value()).append(','));
                    q.items().forEach(i -> sb.append(i.key()).append(';'));
                    q.bands().forEach(b -> sb.append(b.min()).append("..").append(b.max()).append(';'));
                }
                default -> { }
            }
            sb.append('}');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
