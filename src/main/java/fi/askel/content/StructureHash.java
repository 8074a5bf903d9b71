package fi.askel.content;

import fi.askel.content.steps.Step;
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
            step.structure(sb);
            sb.append('}');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
