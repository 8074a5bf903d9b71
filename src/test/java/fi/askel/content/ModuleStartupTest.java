package fi.askel.content;

import fi.askel.content.steps.ScaleStep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up refuses modules it must not serve. Each case runs the catalog's start-up observer (what Quarkus
 * calls on StartupEvent, before anything else starts) on a folder of modules, against the real database
 * that holds the versions stored by earlier starts.
 */
@QuarkusTest
class ModuleStartupTest {

    private static final Path VALID = Path.of("src/test/resources/valid-modules/fixture");
    private static final Path BROKEN = Path.of("src/test/resources/broken-modules");

    @Inject
    ObjectMapper json;

    @Inject
    jakarta.enterprise.event.Event<ModuleCatalog.Published> published;

    @TempDir
    Path exercises;

    /** Starts a catalog on {@code dir} exactly as the service's start does. */
    private ModuleCatalog start(Path dir) {
        ModuleCatalog catalog = new ModuleCatalog(() -> dir.toString(), json, published, "test");
        catalog.onStart(new StartupEvent());
        return catalog;
    }

    @Test
    void a_broken_module_stops_the_start_naming_file_line_and_problem() throws IOException {
        String slug = uniqueSlug();
        copyModule(VALID, slug, 1);
        copy(BROKEN.resolve("missing-language/fixture"), exercises.resolve("fixture"));

        InvalidModulesException e = assertThrows(InvalidModulesException.class, () -> start(exercises));
        assertTrue(e.getMessage().contains("fixture/module.yaml:6"), e.getMessage());
        assertTrue(e.getMessage().contains("\"title\" is missing the Swedish (sv) text"), e.getMessage());
        assertEquals(0, stored(slug).size(), "nothing of a refused start is stored, the good module neither");
    }

    @Test
    void a_module_whose_steps_changed_without_a_new_version_stops_the_start() throws IOException {
        String slug = uniqueSlug();
        Path module = copyModule(VALID, slug, 1);
        Module first = start(exercises).find(slug).orElseThrow();
        assertEquals(List.of(1), stored(slug));

        // A corrected wording with the same version is fine: the stored version takes the new text.
        replace(module, "en: Sleep quality}", "en: How well you slept}");
        assertEquals("How well you slept", start(exercises).find(slug).orElseThrow().step("sleep-quality").orElseThrow()
                .title().get("en"));

        // A changed scale is a new structure: progress recorded on 0–10 must not be shown against 0–7.
        replace(module, "max: 10", "max: 7");
        InvalidModulesException e = assertThrows(InvalidModulesException.class, () -> start(exercises));
        assertTrue(e.getMessage().contains(slug + "/module.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("the steps of version 1 have changed since it was first used; raise \"version\""),
                e.getMessage());
        assertEquals(List.of(1), stored(slug));

        // Raised: the start goes on, and version 1 keeps the steps it was made on.
        replace(module, "version: 1", "version: 2");
        ModuleCatalog catalog = start(exercises);
        assertEquals(7, ((ScaleStep) catalog.find(slug).orElseThrow().step("sleep-quality").orElseThrow()).items().get(0).max());
        assertEquals(10, ((ScaleStep) catalog.find(slug, 1).orElseThrow().step("sleep-quality").orElseThrow()).items().get(0).max());
        assertEquals(first.slug(), catalog.find(slug, 1).orElseThrow().slug());
        assertEquals(List.of(1, 2), stored(slug));
    }

    @Test
    void a_file_module_older_than_a_version_published_in_the_browser_does_not_replace_it_nor_stop_the_start() throws IOException {
        String slug = uniqueSlug();
        Path module = copyModule(VALID, slug, 1);
        ModuleCatalog catalog = start(exercises);
        Module shipped = catalog.find(slug).orElseThrow();
        Module edited = new Module(slug, 2, shipped.estimatedMinutes() + 5, shipped.themes(), shipped.targetGroups(),
                shipped.title(), shipped.summary(), shipped.steps());
        QuarkusTransaction.requiringNew().run(() -> catalog.publish(edited, 1L));

        // Restarted with the files still at version 1: the published version 2 is served.
        assertEquals(2, start(exercises).find(slug).orElseThrow().version());
        assertEquals(shipped.estimatedMinutes() + 5, start(exercises).find(slug).orElseThrow().estimatedMinutes());

        // Files shipping their own, different version 2: the start goes on and the published one stays.
        replace(module, "version: 1", "version: 2");
        replace(module, "max: 10", "max: 7");
        ModuleCatalog restarted = start(exercises);
        assertEquals(10, ((ScaleStep) restarted.find(slug).orElseThrow().step("sleep-quality").orElseThrow()).items().get(0).max());
        assertEquals(shipped.estimatedMinutes() + 5, restarted.find(slug).orElseThrow().estimatedMinutes());
        assertEquals(List.of(1, 2), stored(slug));

        // Version 3 in the files is newer than the published one: it is served.
        replace(module, "version: 2", "version: 3");
        assertEquals(7, ((ScaleStep) start(exercises).find(slug).orElseThrow().step("sleep-quality").orElseThrow()).items().get(0).max());
    }

    private static String uniqueSlug() {
        return "startup-" + Long.toString(System.nanoTime(), 36);
    }

    /** The valid fixture as module {@code slug}, version {@code version}, in the exercises folder. */
    private Path copyModule(Path from, String slug, int version) throws IOException {
        Path to = exercises.resolve(slug);
        copy(from, to);
        replace(to, "slug: fixture", "slug: " + slug);
        replace(to, "version: 1", "version: " + version);
        return to;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private static void replace(Path module, String text, String with) throws IOException {
        Path manifest = module.resolve("module.yaml");
        String yaml = Files.readString(manifest);
        assertTrue(yaml.contains(text), text);
        Files.writeString(manifest, yaml.replace(text, with));
    }

    private static List<Integer> stored(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> ModuleVersion.<ModuleVersion>listAll().stream()
                .filter(v -> v.id.slug.equals(slug)).map(v -> v.id.version).sorted().toList());
    }
}
