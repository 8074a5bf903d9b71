package fi.askel.content;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Takes out of an uploaded picture what could tell more than the picture shows (where and when a photo was taken, with
 * which phone, by whom), without decoding or re-encoding it: the pixels stay byte for byte as uploaded.
 * <ul>
 * <li>PNG: the text, time and EXIF chunks (tEXt, zTXt, iTXt, tIME, eXIf) go; every other chunk is copied whole, so its
 * CRC stays valid. Nothing after IEND is kept.</li>
 * <li>JPEG: APP1–APP15 (EXIF with GPS, XMP, Photoshop, Adobe) and COM segments go; APP0 (JFIF) stays. The ICC colour
 * profile (APP2 {@code ICC_PROFILE}) stays too: it holds no more than a colour space and a device class, and without it
 * a phone's wide-gamut photo is shown in the wrong colours. Nothing after the end of the image is kept (phones append
 * further pictures there, each with its own EXIF).</li>
 * <li>WebP: the EXIF and XMP chunks go, the VP8X header stops announcing them and the RIFF size is set again.</li>
 * </ul>
 * An SVG needs no stripping here: {@link SvgCheck} refuses anything but an inert drawing.
 */
public final class ImageMetadata {

    /** The bytes are not the structure their kind promises. */
    public static final class Broken extends IllegalArgumentException {
        Broken(String what) {
            super(what);
        }
    }

    private static final Set<String> PNG_DROPPED = Set.of("tEXt", "zTXt", "iTXt", "tIME", "eXIf");
    private static final Set<String> WEBP_DROPPED = Set.of("EXIF", "XMP ");
    private static final int VP8X_EXIF = 0x08;
    private static final int VP8X_XMP = 0x04;

    private ImageMetadata() {}

    /** The picture without its metadata; {@link Broken} when its structure cannot be followed. */
    public static byte[] strip(ImageFiles.Kind kind, byte[] bytes) {
        return switch (kind) {
            case PNG -> png(bytes);
            case JPEG -> jpeg(bytes);
            case WEBP -> webp(bytes);
            case SVG -> bytes;
        };
    }

    static byte[] png(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 8);
        int i = 8;
        while (true) {
            if (i + 12 > b.length) {
                throw new Broken("PNG ends before its IEND chunk");
            }
            long length = Integer.toUnsignedLong(ImageFiles.be32(b, i));
            if (length > b.length - i - 12) {
                throw new Broken("PNG chunk longer than the file");
            }
            String type = new String(b, i + 4, 4, StandardCharsets.US_ASCII);
            int end = i + 12 + (int) length;
            if (!PNG_DROPPED.contains(type)) {
                out.write(b, i, end - i);
            }
            i = end;
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
    }

    static byte[] jpeg(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(0xff);
        out.write(0xd8);
        int i = 2;
        while (true) {
            if (i + 1 >= b.length || (b[i] & 0xff) != 0xff) {
                throw new Broken("JPEG ends before its end-of-image marker");
            }
            int marker = b[i + 1] & 0xff;
            if (marker == 0xff) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xd9) {
                out.write(0xff);
                out.write(0xd9);
                return out.toByteArray();
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                out.write(b, i, 2);
                i += 2;
                continue;
            }
            if (i + 4 > b.length) {
                throw new Broken("JPEG segment cut short");
            }
            int end = i + 2 + ((b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff));
            if (end > b.length || end < i + 4) {
                throw new Broken("JPEG segment longer than the file");
            }
            if (keep(marker, b, i + 4, end)) {
                out.write(b, i, end - i);
            }
            i = end;
            if (marker == 0xda) { // the scan's data: up to the next marker that is not a stuffed byte or a restart
                int j = i;
                while (j + 1 < b.length && !((b[j] & 0xff) == 0xff && b[j + 1] != 0 && ((b[j + 1] & 0xff) < 0xd0
                        || (b[j + 1] & 0xff) > 0xd7))) {
                    j++;
                }
                out.write(b, i, j - i);
                i = j;
            }
        }
    }

    private static boolean keep(int marker, byte[] b, int data, int end) {
        if (marker == 0xfe) {
            return false; // a comment
        }
        if (marker == 0xe2) {
            byte[] icc = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
            return end - data >= icc.length && java.util.Arrays.equals(b, data, data + icc.length, icc, 0, icc.length);
        }
        return marker < 0xe1 || marker > 0xef;
    }

    static byte[] webp(byte[] b) {
        if (b.length < 12 || !ascii(b, 0, "RIFF") || !ascii(b, 8, "WEBP")) {
            throw new Broken("not a RIFF WebP file");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 12);
        int vp8x = -1;
        int i = 12;
        long riffEnd = Math.min(b.length, 8 + Integer.toUnsignedLong(le32(b, 4)));
        while (i + 8 <= riffEnd) {
            String type = new String(b, i, 4, StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(le32(b, i + 4));
            long end = i + 8 + size + (size & 1);
            if (i + 8 + size > b.length) {
                throw new Broken("WebP chunk longer than the file");
            }
            end = Math.min(end, b.length);
            if (type.equals("VP8X")) {
                vp8x = out.size();
            }
            if (!WEBP_DROPPED.contains(type)) {
                out.write(b, i, (int) (end - i));
            }
            i = (int) end;
        }
        byte[] result = out.toByteArray();
        if (vp8x >= 0 && vp8x + 8 < result.length) {
            result[vp8x + 8] &= (byte) ~(VP8X_EXIF | VP8X_XMP);
        }
        int riff = result.length - 8;
        result[4] = (byte) riff;
        result[5] = (byte) (riff >> 8);
        result[6] = (byte) (riff >> 16);
        result[7] = (byte) (riff >> 24);
        return result;
    }

    private static boolean ascii(byte[] b, int at, String s) {
        return new String(b, at, s.length(), StandardCharsets.US_ASCII).equals(s);
    }

    private static int le32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }
}
