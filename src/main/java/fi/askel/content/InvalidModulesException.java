package fi.askel.content;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown at start when any module is broken: the service does not start with broken content. */
public class InvalidModulesException extends RuntimeException {

    private final List<ModuleProblem> problems;

    public InvalidModulesException(List<ModuleProblem> problems) {
        super("Exercise modules have " + problems.size() + " problem(s):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ModuleProblem> problems() {
        return problems;
    }
}
