package fi.askel.content;

import java.nio.file.Path;

/**
 * For content authors: checks every module without starting the service.
 * {@code ./mvnw -q compile exec:java} (optionally {@code -Dexec.args=path/to/exercises}).
 * Exits 1 and lists every problem (file:line: what is wrong) when anything is broken.
 */
public final class ValidateModules {

    private ValidateModules() {}

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "exercises");
        ModuleLoader.Result result = ModuleLoader.loadAll(dir);
        if (!result.problems().isEmpty()) {
            System.err.println(new InvalidModulesException(result.problems()).getMessage());
            System.exit(1);
        }
        for (Module m : result.modules()) {
            System.out.printf("ok  %-24s v%d  %2d steps  %3d min  %s%n", m.slug(), m.version(), m.steps().size(),
                    m.estimatedMinutes(), m.title().get("en"));
        }
        System.out.println(result.modules().size() + " modules, no problems.");
    }
}
