package fi.askel.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The illustrations of a module: PNG, JPEG, SVG or WebP, at most {@link #MAX_BYTES} and {@link #MAX_SIDE} pixels a
 * side, checked by their bytes as well as their name (an SVG must also be inert, see {@link SvgCheck}). A file is named
 * by its content hash in URLs, so a browser may keep it for good. The same checks serve files a module ships and
 * pictures an author uploads ({@link #sniff}, {@link #size}, {@link #svgProblem}).
 */
public final class ImageFiles {

    /** The largest illustration a module may ship: a line drawing needs a few kilobytes. */
    public static final long MAX_BYTES = 512 * 1024;

    /** The widest and tallest picture, in pixels: more is no illustration, and a browser would unpack it all. */
    public static final int MAX_SIDE = 4000;

    /** A file directly in the module's folder: no folders, no dots but the extension's, lowercase. */
    public static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9-]*\\.(png|jpg|svg|webp)$");

    public enum Kind {
        PNG("image/png", "PNG", "png"), JPEG("image/jpeg", "JPEG", "jpg"), SVG("image/svg+xml", "SVG", "svg"),
        WEBP("image/webp", "WebP", "webp");

        private final String contentType;
        private final String label;
        private final String extension;

        Kind(String contentType, String label, String extension) {
            this.contentType = contentType;
            this.label = label;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        /** The file name ending a picture of this kind gets. */
        public String extension() {
            return extension;
        }

        /** The kind its name says, or null for a name the loader does not accept. */
        public static Kind ofName(String file) {
            if (file == null || !NAME.matcher(file).matches()) {
                return null;
            }
            String ext = file.substring(file.lastIndexOf('.') + 1);
            for (Kind k : values()) {
                if (k.extension.equals(ext)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** A checked file: its kind, its size in pixels (SVG: the viewBox) and the hash that names it in URLs. */
    public record Checked(Kind kind, int width, int height, String hash) {}

    static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ImageFiles() {}

    /** The file checked, or null after telling {@code problem} what is wrong with it. */
    public static Checked check(Path folder, String name, Consumer<String> problem) {
        Kind kind = Kind.ofName(name);
        if (kind == null) {
            problem.accept("image \"" + name + "\" must be a PNG, JPEG (.jpg), SVG or WebP file named in lowercase letters, digits"
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
        int[] size;
        if (kind == Kind.SVG) {
            String svg = svgProblem(bytes);
            if (svg != null) {
                problem.accept("image \"" + name + "\" " + svg);
                return null;
            }
            size = size(kind, bytes);
        } else {
            size = sniff(bytes) == kind ? size(kind, bytes) : null;
            if (size == null) {
                problem.accept("image \"" + name + "\" is not a " + kind.label + " image (its bytes say otherwise)");
                return null;
            }
        }
        if (size[0] > MAX_SIDE || size[1] > MAX_SIDE) {
            problem.accept("image \"" + name + "\" is " + size[0] + "×" + size[1] + " pixels; at most " + MAX_SIDE + " a side");
            return null;
        }
        return new Checked(kind, size[0], size[1], hash(bytes));
    }

    /** The kind its first bytes say (SVG: text that starts with {@code <}), or null for anything else. */
    public static Kind sniff(byte[] b) {
        if (b.length >= 8 && Arrays.equals(b, 0, 8, PNG_MAGIC, 0, 8)) {
            return Kind.PNG;
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Kind.JPEG;
        }
        if (b.length >= 12 && ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return Kind.WEBP;
        }
        return looksLikeXml(b) ? Kind.SVG : null;
    }

    /** Width and height in pixels (SVG: its viewBox), or null when the bytes are not a readable picture of the kind. */
    public static int[] size(Kind kind, byte[] bytes) {
        return switch (kind) {
            case PNG -> png(bytes);
            case JPEG -> jpeg(bytes);
            case WEBP -> webp(bytes);
            case SVG -> {
                SvgCheck.Result svg = SvgCheck.check(bytes);
                yield svg.problem() == null ? new int[] {svg.width(), svg.height()} : null;
            }
        };
    }

    /** What makes an SVG unfit to serve (in the loader's words, after the file's name), or null when it is inert. */
    public static String svgProblem(byte[] bytes) {
        if (!looksLikeXml(bytes)) {
            return "is not an SVG image (its bytes are not SVG text)";
        }
        return SvgCheck.check(bytes).problem();
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

    /** Width and height from the first start-of-frame segment, or null when the bytes are not a JPEG. */
    private static int[] jpeg(byte[] b) {
        int i = 2;
        while (i + 9 < b.length && (b[i] & 0xff) == 0xff) {
            int marker = b[i + 1] & 0xff;
            if (marker == 0xff) {
                i++; // fill byte
                continue;
            }
            int length = (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
            if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
                return positive((b[i + 7] & 0xff) << 8 | (b[i + 8] & 0xff), (b[i + 5] & 0xff) << 8 | (b[i + 6] & 0xff));
            }
            if (marker == 0xda || length < 2) {
                return null;
            }
            i += 2 + length;
        }
        return null;
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

    static int be32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static int le24(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
    }
}
