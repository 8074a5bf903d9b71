package fi.askel.content.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.askel.content.Module;
import fi.askel.content.ModuleLoader;
import fi.askel.content.ModuleProblem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Zips for the module zip tests: made, read, loaded as the service loads exercises/, and tampered with. */
final class Zips {

    static final Path EXERCISES = Path.of("exercises");

    private Zips() {}

    /** The zip's files loaded as the service loads exercises/ (beside the shared safety text). */
    static Module load(Map<String, byte[]> files) throws IOException {
        Path root = Files.createTempDirectory("zip-test-");
        Files.createSymbolicLink(root.resolve("_safety"), EXERCISES.resolve("_safety").toAbsolutePath());
        String top = null;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path file = root.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, f.getValue());
            top = f.getKey().substring(0, f.getKey().indexOf('/'));
        }
        List<ModuleProblem> problems = new ArrayList<>();
        Module module = ModuleLoader.load(root.resolve(top), problems);
        assertEquals(List.of(), problems);
        return module;
    }

    static Map<String, byte[]> folder(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.toList()) {
                files.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return files;
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                if (!e.isDirectory()) {
                    files.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return files;
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Every occurrence of one name replaced by another of the same length (local headers and table of contents). */
    static byte[] replace(byte[] zip, String from, String to) {
        String latin = new String(zip, StandardCharsets.ISO_8859_1);
        return latin.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The zip's first entry marked, in its table of contents, as a Unix symbolic link. */
    static byte[] symlink(byte[] zip) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < zip.length - 4; i++) {
            if (b.getInt(i) == 0x02014b50) {
                b.putShort(i + 4, (short) (3 << 8 | 20));
                b.putInt(i + 38, 0120777 << 16);
                return zip;
            }
        }
        throw new AssertionError("no central directory");
    }
}
