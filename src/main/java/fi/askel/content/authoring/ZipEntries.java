package fi.askel.content.authoring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files of an uploaded zip, read defensively: no entry is trusted for its name, its declared size or its type.
 * Refused, each naming the entry: absolute paths, {@code ..}, backslashes and other odd names, symbolic links (read
 * from the central directory, which {@link ZipInputStream} never looks at), the same name twice, a table of contents
 * that lists other entries than the zip holds, more entries than allowed, and more bytes unpacked than allowed
 * (counted as they are inflated, so a zip bomb stops at the limit). Nothing is written to disk here.
 */
final class ZipEntries {

    /** How much an upload may unpack to. */
    record Limits(int maxEntries, long maxUnpackedBytes) {}

    /** Why the zip was refused: one message per entry that was wrong (the entry is null when it is the whole zip). */
    static final class Refused extends Exception {
        final List<Refusal> refusals;

        Refused(List<Refusal> refusals) {
            super(refusals.toString());
            this.refusals = List.copyOf(refusals);
        }

        Refused(String entry, String key, Object... args) {
            this(List.of(new Refusal(entry, key, args)));
        }
    }

    /** One reason, as a message key of the content bundle (authoring.import.zip.…) with its arguments. */
    record Refusal(String entry, String key, Object... args) {}

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL = 0x06054b50;
    private static final int UNIX = 3;
    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;

    private ZipEntries() {}

    /** Each file's path in the zip and its bytes, in the zip's order; folders are left out. */
    static Map<String, byte[]> read(byte[] zip, Limits limits) throws Refused {
        if (zip.length < 22 || ByteBuffer.wrap(zip, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() != LOCAL_HEADER) {
            throw new Refused(null, "authoring.import.zip.not-a-zip");
        }
        Set<String> listed = centralDirectory(zip, limits);
        Map<String, byte[]> files = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        List<Refusal> refused = new ArrayList<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                String name = e.getName();
                if (seen.size() >= limits.maxEntries()) {
                    throw new Refused(name, "authoring.import.zip.too-many-entries", limits.maxEntries());
                }
                // Counted even when the entry is refused: skipping an entry inflates it too.
                byte[] bytes = inflate(in, name, limits.maxUnpackedBytes() - total, limits);
                total += bytes.length;
                String bad = badName(name);
                if (!seen.add(name)) {
                    refused.add(new Refusal(name, "authoring.import.zip.duplicate"));
                } else if (bad != null) {
                    refused.add(new Refusal(name, bad));
                } else if (!e.isDirectory()) {
                    files.put(name, bytes);
                } else if (bytes.length > 0) {
                    refused.add(new Refusal(name, "authoring.import.zip.bad-name"));
                }
            }
        } catch (IOException e) { // ZipException too: a zip that cannot be inflated
            throw new Refused(null, "authoring.import.zip.broken", e.getMessage());
        }
        if (!seen.equals(listed)) {
            refused.add(new Refusal(null, "authoring.import.zip.inconsistent"));
        }
        if (!refused.isEmpty()) {
            throw new Refused(refused);
        }
        return files;
    }

    /** The entry's bytes, counted as they come: never more than {@code room}. */
    private static byte[] inflate(InputStream in, String name, long room, Limits limits) throws IOException, Refused {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0;) {
            if (out.size() + (long) n > room) {
                throw new Refused(name, "authoring.import.zip.too-large-unpacked", limits.maxUnpackedBytes() / 1024);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The message key of what is wrong with an entry's path, or null: relative, forward slashes, no dot segments. */
    static String badName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("\0") || name.contains("//")
                || name.matches("^[A-Za-z]:.*")) {
            return "authoring.import.zip.bad-name";
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return "authoring.import.zip.traversal";
            }
        }
        return null;
    }

    /**
     * The names the central directory lists, refusing symbolic links (a Unix mode in the external attributes). A zip
     * whose table of contents cannot be found is refused as not a zip.
     */
    private static Set<String> centralDirectory(byte[] zip, Limits limits) throws Refused {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = -1;
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
            if (b.getInt(i) == END_OF_CENTRAL) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new Refused(null, "authoring.import.zip.not-a-zip");
        }
        int count = Short.toUnsignedInt(b.getShort(end + 10));
        long offset = Integer.toUnsignedLong(b.getInt(end + 16));
        if (count > limits.maxEntries()) {
            throw new Refused(null, "authoring.import.zip.too-many-entries", limits.maxEntries());
        }
        Set<String> names = new HashSet<>();
        List<Refusal> links = new ArrayList<>();
        int at = (int) Math.min(offset, Integer.MAX_VALUE);
        for (int i = 0; i < count; i++) {
            if (at < 0 || at + 46 > zip.length || b.getInt(at) != CENTRAL_HEADER) {
                throw new Refused(null, "authoring.import.zip.broken", "table of contents");
            }
            int madeBy = Short.toUnsignedInt(b.getShort(at + 4)) >> 8;
            int nameLength = Short.toUnsignedInt(b.getShort(at + 28));
            int extra = Short.toUnsignedInt(b.getShort(at + 30));
            int comment = Short.toUnsignedInt(b.getShort(at + 32));
            int mode = b.getInt(at + 38) >>> 16;
            if (at + 46 + nameLength > zip.length) {
                throw new Refused(null, "authoring.import.zip.broken", "table of contents");
            }
            String name = new String(zip, at + 46, nameLength, java.nio.charset.StandardCharsets.UTF_8);
            if (madeBy == UNIX && (mode & S_IFMT) == S_IFLNK) {
                links.add(new Refusal(name, "authoring.import.zip.link"));
            }
            names.add(name);
            at += 46 + nameLength + extra + comment;
        }
        if (!links.isEmpty()) {
            throw new Refused(links);
        }
        return names;
    }
}
