package fi.askel.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The illustrations a module ships in its own folder: PNG, SVG or WebP, at most {@link #MAX_BYTES},
 * checked by their bytes as well as their name (an SVG must also be inert, see {@link SvgCheck}).
 * A file is named by its content hash in URLs, so a browser may keep it for good.
 */
public final class ImageFiles {

    /** The largest illustration a module may ship: a line drawing needs a few kilobytes. */
    public static final long MAX_BYTES = 512 * 1024;

    /** A file directly in the module's folder: no folders, no dots but the extension's, lowercase. */
    public static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9-]*\\.(png|svg|webp)$");

    public enum Kind {
        PNG("image/png", "PNG"), SVG("image/svg+xml", "SVG"), WEBP("image/webp", "WebP");

        private final String contentType;
        private final String label;

        Kind(String contentType, String label) {
            this.contentType = contentType;
            this.label = label;
        }

        public String contentType() {
            return contentType;
        }

        /** The kind its name says, or null for a name the loader does not accept. */
        public static Kind ofName(String file) {
            if (file == null || !NAME.matcher(file).matches()) {
                return null;
            }
            return valueOf(file.substring(file.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT));
        }
    }

    /** A checked file: its kind, its size in pixels (SVG: the viewBox) and the hash that names it in URLs. */
    public record Checked(Kind kind, int width, int height, String hash) {}

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ImageFiles() {}

    /** The file checked, or null after telling {@code problem} what is wrong with it. */
    public static Checked check(Path folder, String name, Consumer<String> problem) {
        Kind kind = Kind.ofName(name);
        if (kind == null) {
            problem.accept("image \"" + name + "\" must be a PNG, SVG or WebP file named in lowercase letters, digits"
                    + " and hyphens (e.g. chin-tuck.svg), in the module's own folder");
            return null;
        }
        Path file = folder.resolve(name);
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                problem.accept("image \"" + name + "\" is missing: there is no such file in " + folder.getFileName() + "/");
                return null;
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                problem.accept("image \"" + name + "\" is too large: " + size / 1024 + " KB, at most " + MAX_BYTES / 1024
                        + " KB");
                return null;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problem.accept("image \"" + name + "\" cannot be read: " + e.getMessage());
            return null;
        }
        int[] size = switch (kind) {
            case PNG -> png(bytes);
            case WEBP -> webp(bytes);
            case SVG -> null;
        };
        if (kind == Kind.SVG) {
            if (!looksLikeXml(bytes)) {
                problem.accept("image \"" + name + "\" is not an SVG image (its bytes are not SVG text)");
                return null;
            }
            SvgCheck.Result svg = SvgCheck.check(bytes);
            if (svg.problem() != null) {
                problem.accept("image \"" + name + "\" " + svg.problem());
                return null;
            }
            size = new int[] {svg.width(), svg.height()};
        } else if (size == null) {
            problem.accept("image \"" + name + "\" is not a " + kind.label + " image (its bytes say otherwise)");
            return null;
        }
        return new Checked(kind, size[0], size[1], hash(bytes));
    }

    /** The first 16 hex digits of the SHA-256 of the bytes: what names a file's content in its URL. */
    public static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Width and height from the IHDR chunk, or null when the bytes are not a PNG. */
    private static int[] png(byte[] b) {
        if (b.length < 24 || !Arrays.equals(b, 0, 8, PNG_MAGIC, 0, 8)
                || !new String(b, 12, 4, StandardCharsets.US_ASCII).equals("IHDR")) {
            return null;
        }
        return positive(be32(b, 16), be32(b, 20));
    }

    /** Width and height from the first chunk (VP8, VP8L or VP8X), or null when the bytes are not a WebP. */
    private static int[] webp(byte[] b) {
        if (b.length < 30 || !ascii(b, 0, "RIFF") || !ascii(b, 8, "WEBP")) {
            return null;
        }
        if (ascii(b, 12, "VP8X")) {
            return positive(le24(b, 24) + 1, le24(b, 27) + 1);
        }
        if (ascii(b, 12, "VP8L") && (b[20] & 0xff) == 0x2f) {
            int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
            return positive((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
        }
        if (ascii(b, 12, "VP8 ") && (b[23] & 0xff) == 0x9d && (b[24] & 0xff) == 0x01 && (b[25] & 0xff) == 0x2a) {
            return positive(((b[26] & 0xff) | (b[27] & 0xff) << 8) & 0x3fff, ((b[28] & 0xff) | (b[29] & 0xff) << 8) & 0x3fff);
        }
        return null;
    }

    /** SVG is text: no NUL bytes, and it starts (after a BOM and white space) with {@code <}. */
    private static boolean looksLikeXml(byte[] b) {
        int i = b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf ? 3 : 0;
        while (i < b.length && Character.isWhitespace(b[i])) {
            i++;
        }
        for (byte x : b) {
            if (x == 0) {
                return false;
            }
        }
        return i < b.length && b[i] == '<';
    }

    private static int[] positive(int width, int height) {
        return width > 0 && height > 0 ? new int[] {width, height} : null;
    }

    private static boolean ascii(byte[] b, int at, String s) {
        return new String(b, at, s.length(), StandardCharsets.US_ASCII).equals(s);
    }

    private static int be32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static int le24(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
    }
}
