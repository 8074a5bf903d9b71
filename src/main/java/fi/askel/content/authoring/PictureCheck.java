package fi.askel.content.authoring;

import fi.askel.common.ApiException;
import fi.askel.common.ApiException.FieldError;
import fi.askel.content.ImageFiles;
import fi.askel.content.ImageMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An uploaded picture checked as {@link DraftPictures} and {@link ModuleImport} take it: told by its bytes, never by its
 * name or the Content-Type it came with (PNG, JPEG, WebP, or an SVG as inert as the loader demands); at most
 * {@code askel.authoring.image-max-bytes} and {@link ImageFiles#MAX_SIDE} pixels a side; its metadata taken out
 * ({@link ImageMetadata}).
 */
@ApplicationScoped
public class PictureCheck {

    /** A picture checked and stripped, ready to be stored. */
    record Clean(ImageFiles.Kind kind, byte[] bytes, int width, int height, String sha256) {}

    /** Why a picture is refused: an HTTP status and a message key of the content bundle with its arguments. */
    static final class Refused extends RuntimeException {
        final int status;
        final String key;
        final transient Object[] args;

        Refused(int status, String key, Object... args) {
            super(key);
            this.status = status;
            this.key = key;
            this.args = args;
        }

        ApiException api(String field) {
            return new ApiException(status, "picture-refused", key, List.of(new FieldError(field, key, args)), args);
        }
    }

    private final AuthoringConfig config;

    public PictureCheck(AuthoringConfig config) {
        this.config = config;
    }

    /** The largest picture accepted: the configured limit, never more than the loader takes from a module's folder. */
    long maxBytes() {
        return Math.min(config.imageMaxBytes(), ImageFiles.MAX_BYTES);
    }

    /** The picture checked and stripped of metadata; {@link Refused} (413, 415 or 400) saying what is wrong. */
    Clean inspect(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new Refused(400, "authoring.image.required");
        }
        if (bytes.length > maxBytes()) {
            throw new Refused(413, "authoring.image.too-large", bytes.length / 1024, maxBytes() / 1024);
        }
        ImageFiles.Kind kind = ImageFiles.sniff(bytes);
        if (kind == null) {
            throw new Refused(415, "authoring.image.type");
        }
        if (kind == ImageFiles.Kind.SVG && ImageFiles.svgProblem(bytes) != null) {
            throw new Refused(400, "authoring.image.svg", ImageFiles.svgProblem(bytes));
        }
        byte[] clean;
        try {
            clean = ImageMetadata.strip(kind, bytes);
        } catch (ImageMetadata.Broken e) {
            throw new Refused(400, "authoring.image.broken", kind.contentType());
        }
        int[] size = ImageFiles.size(kind, clean);
        if (size == null) {
            throw new Refused(400, "authoring.image.broken", kind.contentType());
        }
        if (size[0] > ImageFiles.MAX_SIDE || size[1] > ImageFiles.MAX_SIDE) {
            throw new Refused(400, "authoring.image.pixels", size[0], size[1], ImageFiles.MAX_SIDE);
        }
        return new Clean(kind, clean, size[0], size[1], sha256(clean));
    }

    /** A file name from the uploaded name (lowercase letters, digits, hyphens) and the kind's ending, free in the draft. */
    static String fileName(String uploaded, ImageFiles.Kind kind, Set<String> taken) {
        String name = uploaded == null ? "" : uploaded.strip().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        stem = stem.isEmpty() ? "picture" : stem.length() > 60 ? stem.substring(0, 60).replaceAll("-+$", "") : stem;
        String candidate = stem + "." + kind.extension();
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = stem + "-" + n + "." + kind.extension();
        }
        return candidate;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
