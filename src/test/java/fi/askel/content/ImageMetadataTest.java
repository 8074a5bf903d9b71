package fi.askel.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Uploaded pictures lose what they say about where, when and with what they were taken, and still show. */
public class ImageMetadataTest {

    static final String GPS = "GPSLatitude 60.1699 N GPSLongitude 24.9384 E";

    @Test
    void a_png_loses_its_text_time_and_exif_chunks_and_still_decodes() throws IOException {
        byte[] png = ImagePictures.png(7, 5);
        byte[] tagged = ImagePictures.pngWithChunks(png, chunk("tEXt", "Comment\0" + GPS), chunk("eXIf", "MM\0*" + GPS),
                chunk("tIME", "\u0007\u00ea\u0001\u0001\u0000\u0000\u0000"), chunk("iTXt", "Author\0\0\0\0\0Jane Doe"));
        assertTrue(contains(tagged, GPS), "the test picture carries the GPS text");
        assertNotNull(ImageIO.read(new ByteArrayInputStream(tagged)), "the tagged picture decodes");

        byte[] clean = ImageMetadata.strip(ImageFiles.Kind.PNG, tagged);
        assertFalse(contains(clean, GPS), "no GPS position is left");
        assertFalse(contains(clean, "Jane Doe"), "no author is left");
        assertFalse(contains(clean, "tIME"), "no time chunk is left");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(clean));
        assertEquals(7, image.getWidth());
        assertEquals(5, image.getHeight());
        assertArrayEquals(png, clean, "only the added chunks went: the rest is byte for byte the original");
    }

    @Test
    void a_jpeg_loses_exif_xmp_comments_and_what_follows_the_image_but_keeps_jfif_and_its_colour_profile() throws IOException {
        byte[] jpeg = ImagePictures.jpeg(9, 4);
        assertEquals(0xe0, jpeg[3] & 0xff, "ImageIO writes a JFIF APP0 first");
        byte[] tagged = ImagePictures.jpegWithSegments(jpeg, segment(0xe1, "Exif\0\0" + GPS),
                segment(0xe1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Jane Doe</x:xmpmeta>"),
                segment(0xe2, "ICC_PROFILE\0\u0001\u0001colour"), segment(0xfe, "taken at home"));
        tagged = concat(tagged, ("\u00ff\u00d8" + GPS).getBytes(StandardCharsets.ISO_8859_1)); // a second picture appended
        assertNotNull(ImageIO.read(new ByteArrayInputStream(tagged)), "the tagged picture decodes");

        byte[] clean = ImageMetadata.strip(ImageFiles.Kind.JPEG, tagged);
        assertFalse(contains(clean, GPS), "no GPS position is left");
        assertFalse(contains(clean, "Jane Doe"), "no XMP is left");
        assertFalse(contains(clean, "taken at home"), "no comment is left");
        assertTrue(contains(clean, "JFIF"), "the JFIF header stays");
        assertTrue(contains(clean, "ICC_PROFILE"), "the colour profile stays");
        assertEquals(0xd9, clean[clean.length - 1] & 0xff, "it ends at the end-of-image marker");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(clean));
        assertEquals(9, image.getWidth());
        assertEquals(4, image.getHeight());
        assertArrayEquals(new int[] {9, 4}, ImageFiles.size(ImageFiles.Kind.JPEG, clean));
    }

    @Test
    void a_webp_loses_its_exif_and_xmp_chunks_its_header_stops_announcing_them_and_its_size_is_right() {
        byte[] tagged = ImagePictures.webp(true);
        assertTrue(contains(tagged, GPS));
        byte[] clean = ImageMetadata.strip(ImageFiles.Kind.WEBP, tagged);
        assertFalse(contains(clean, GPS), "no GPS position is left");
        assertFalse(contains(clean, "Jane Doe"), "no XMP is left");
        assertEquals(List.of("VP8X", "VP8L"), ImagePictures.webpChunks(clean), "the picture's own chunks stay, in order");
        int riff = (clean[4] & 0xff) | (clean[5] & 0xff) << 8 | (clean[6] & 0xff) << 16 | (clean[7] & 0xff) << 24;
        assertEquals(clean.length - 8, riff, "the RIFF size counts what is left");
        assertEquals(0x10, clean[20] & 0xff, "VP8X keeps its alpha flag and no longer announces EXIF or XMP");
        assertArrayEquals(new int[] {3, 2}, ImageFiles.size(ImageFiles.Kind.WEBP, clean));
    }

    @Test
    void types_are_told_by_their_bytes_and_broken_structures_are_refused() throws IOException {
        assertEquals(ImageFiles.Kind.PNG, ImageFiles.sniff(ImagePictures.png(2, 2)));
        assertEquals(ImageFiles.Kind.JPEG, ImageFiles.sniff(ImagePictures.jpeg(2, 2)));
        assertEquals(ImageFiles.Kind.WEBP, ImageFiles.sniff(ImagePictures.webp(false)));
        assertEquals(ImageFiles.Kind.SVG, ImageFiles.sniff("<svg/>".getBytes(StandardCharsets.UTF_8)));
        assertNull(ImageFiles.sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII)), "a GIF is none of ours");
        assertNull(ImageFiles.sniff("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
        byte[] png = ImagePictures.png(4, 4);
        byte[] cut = java.util.Arrays.copyOf(png, png.length - 6);
        assertThrows(ImageMetadata.Broken.class, () -> ImageMetadata.strip(ImageFiles.Kind.PNG, cut));
        byte[] jpeg = ImagePictures.jpeg(4, 4);
        assertThrows(ImageMetadata.Broken.class,
                () -> ImageMetadata.strip(ImageFiles.Kind.JPEG, java.util.Arrays.copyOf(jpeg, 40)));
    }

    public static byte[] chunk(String type, String data) {
        byte[] d = data.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) (d.length >> 24), (byte) (d.length >> 16), (byte) (d.length >> 8), (byte) d.length});
        byte[] typeAndData = concat(type.getBytes(StandardCharsets.US_ASCII), d);
        out.writeBytes(typeAndData);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        long c = crc.getValue();
        out.writeBytes(new byte[] {(byte) (c >> 24), (byte) (c >> 16), (byte) (c >> 8), (byte) c});
        return out.toByteArray();
    }

    public static byte[] segment(int marker, String data) {
        byte[] d = data.getBytes(StandardCharsets.ISO_8859_1);
        int length = d.length + 2;
        return concat(new byte[] {(byte) 0xff, (byte) marker, (byte) (length >> 8), (byte) length}, d);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    /** Small pictures to test with, made here (ImageIO for PNG and JPEG; WebP chunk by chunk). */
    public static final class ImagePictures {

        private ImagePictures() {}

        public static byte[] png(int width, int height) throws IOException {
            return write("png", width, height, BufferedImage.TYPE_INT_ARGB);
        }

        static byte[] jpeg(int width, int height) throws IOException {
            return write("jpg", width, height, BufferedImage.TYPE_INT_RGB);
        }

        private static byte[] write(String format, int width, int height, int type) throws IOException {
            BufferedImage image = new BufferedImage(width, height, type);
            image.setRGB(0, 0, 0xff336699);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        }

        /** The PNG with chunks put in after IHDR (the signature, 8 bytes, and IHDR, 25). */
        public static byte[] pngWithChunks(byte[] png, byte[]... chunks) {
            List<byte[]> parts = new ArrayList<>();
            parts.add(java.util.Arrays.copyOf(png, 33));
            parts.addAll(List.of(chunks));
            parts.add(java.util.Arrays.copyOfRange(png, 33, png.length));
            return concat(parts.toArray(byte[][]::new));
        }

        /** The JPEG with segments put in after its APP0 (SOI, 2 bytes, then APP0 with its length). */
        public static byte[] jpegWithSegments(byte[] jpeg, byte[]... segments) {
            int afterApp0 = 4 + ((jpeg[4] & 0xff) << 8 | (jpeg[5] & 0xff));
            List<byte[]> parts = new ArrayList<>();
            parts.add(java.util.Arrays.copyOf(jpeg, afterApp0));
            parts.addAll(List.of(segments));
            parts.add(java.util.Arrays.copyOfRange(jpeg, afterApp0, jpeg.length));
            return concat(parts.toArray(byte[][]::new));
        }

        /** An extended WebP of 3×2 pixels (VP8X with alpha, a lossless VP8L header), with EXIF and XMP when tagged. */
        static byte[] webp(boolean tagged) {
            int flags = 0x10 | (tagged ? 0x08 | 0x04 : 0);
            byte[] vp8x = webpChunk("VP8X", new byte[] {(byte) flags, 0, 0, 0, 2, 0, 0, 1, 0, 0});
            // VP8L: signature 0x2f, then 14 bits width-1 (2), 14 bits height-1 (1), alpha, version.
            int bits = 2 | 1 << 14;
            byte[] vp8l = webpChunk("VP8L", new byte[] {0x2f, (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16),
                    (byte) (bits >> 24), 0});
            byte[] body = tagged ? concat("WEBP".getBytes(StandardCharsets.US_ASCII), vp8x, vp8l,
                    webpChunk("EXIF", ("MM\0*" + GPS).getBytes(StandardCharsets.ISO_8859_1)),
                    webpChunk("XMP ", "<x:xmpmeta>Jane Doe</x:xmpmeta>".getBytes(StandardCharsets.ISO_8859_1)))
                    : concat("WEBP".getBytes(StandardCharsets.US_ASCII), vp8x, vp8l);
            int size = body.length;
            return concat("RIFF".getBytes(StandardCharsets.US_ASCII),
                    new byte[] {(byte) size, (byte) (size >> 8), (byte) (size >> 16), (byte) (size >> 24)}, body);
        }

        static byte[] webpChunk(String type, byte[] data) {
            int n = data.length;
            byte[] pad = n % 2 == 1 ? new byte[] {0} : new byte[0];
            return concat(type.getBytes(StandardCharsets.US_ASCII),
                    new byte[] {(byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)}, data, pad);
        }

        static List<String> webpChunks(byte[] b) {
            List<String> types = new ArrayList<>();
            for (int i = 12; i + 8 <= b.length;) {
                types.add(new String(b, i, 4, StandardCharsets.US_ASCII));
                int n = (b[i + 4] & 0xff) | (b[i + 5] & 0xff) << 8 | (b[i + 6] & 0xff) << 16 | (b[i + 7] & 0xff) << 24;
                i += 8 + n + (n & 1);
            }
            return types;
        }
    }
}
