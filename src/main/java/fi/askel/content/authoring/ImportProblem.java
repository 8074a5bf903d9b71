package fi.askel.content.authoring;

import java.util.List;

/**
 * One thing wrong with an uploaded module zip, where its author finds it: the file in the zip (null for the zip as a
 * whole), the line in it (0 when none), the field (a path in module.yaml such as {@code steps.2.title.sv}; empty
 * when none) and the message, as a key of the content bundle with its arguments ({@code authoring.loader} carries the
 * module loader's own words).
 */
public record ImportProblem(String file, int line, String field, String messageKey, Object... args) {

    /** The import refused as a whole: 400 for a zip that cannot be read safely, 413 too large, 415, 422 a broken module. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final List<ImportProblem> problems;

        Refused(int status, List<ImportProblem> problems) {
            super("module import refused: " + problems.size() + " problem(s)");
            this.status = status;
            this.problems = List.copyOf(problems);
        }

        Refused(int status, String messageKey, Object... args) {
            this(status, List.of(new ImportProblem(null, 0, "", messageKey, args)));
        }

        public int status() {
            return status;
        }

        public List<ImportProblem> problems() {
            return problems;
        }
    }
}
