package fi.askel.content;

import java.nio.file.Path;

/** One thing wrong with a module, where an author can find it. */
public record ModuleProblem(Path file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
