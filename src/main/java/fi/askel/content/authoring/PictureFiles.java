package fi.askel.content.authoring;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The uploaded pictures of drafts as files, for the loader to check beside the draft's module.yaml (DraftCheck links
 * them in). Each is written once per instance into a temporary folder, named by its SHA-256, so the draft's every
 * check reads only the names and hashes from the database, not the bytes. A cache, not state: any instance writes
 * what it lacks.
 */
@ApplicationScoped
public class PictureFiles {

    private volatile Path dir;

    /** Each uploaded picture of the draft by its file name. */
    Map<String, Path> of(long draftId) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (DraftImage.Meta m : DraftImage.listMeta(draftId)) {
            Path file = dir().resolve(m.sha256());
            if (!Files.isRegularFile(file)) {
                write(file, DraftImage.bytesOf(m.id()));
            }
            files.put(m.fileName(), file);
        }
        return files;
    }

    /** A picture not stored yet (being uploaded or imported). */
    Path put(String sha256, byte[] bytes) {
        Path file = dir().resolve(sha256);
        if (!Files.isRegularFile(file)) {
            write(file, bytes);
        }
        return file;
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Path part = Files.createTempFile(file.getParent(), "part-", ".tmp");
            Files.write(part, bytes);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path dir() {
        Path d = dir;
        if (d == null || !Files.isDirectory(d)) {
            synchronized (this) {
                try {
                    if (dir == null || !Files.isDirectory(dir)) {
                        dir = Files.createTempDirectory("askel-pictures-");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                d = dir;
            }
        }
        return d;
    }
}
