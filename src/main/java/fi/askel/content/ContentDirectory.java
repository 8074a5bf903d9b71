package fi.askel.content;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the exercise modules are. A relative folder (the default {@code exercises}) is looked for in the
 * working directory first, as in a checkout; if it is not there, beside the release the service runs from
 * ({@code quarkus-app/exercises}, where the production build puts the shipped modules), so an installed
 * release finds its own modules from any working directory.
 */
final class ContentDirectory {

    private ContentDirectory() {}

    static Path resolve(String configured) {
        Path path = Path.of(configured);
        if (path.isAbsolute() || Files.isDirectory(path)) {
            return path;
        }
        return releaseHome().map(home -> home.resolve(path)).filter(Files::isDirectory).orElse(path);
    }

    /** quarkus-app/ of a fast-jar release: the application jar lives in quarkus-app/app/. */
    private static Optional<Path> releaseHome() {
        try {
            var source = ContentDirectory.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path jar = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(jar) || jar.getParent() == null || jar.getParent().getParent() == null) {
                return Optional.empty();
            }
            return Optional.of(jar.getParent().getParent());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }
}
