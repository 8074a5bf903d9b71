package fi.askel.privacy;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a client can consent to, each given and withdrawn on its own: taking part in remote
 * rehabilitation on this platform, and disclosing their data to Kela or to the party treating them.
 */
public enum ConsentKind {
    REMOTE_REHAB("remote-rehab"), KELA("kela"), TREATING_PARTY("treating-party");

    /** The name in URLs and JSON paths, e.g. PUT /api/v1/me/consents/kela. */
    public final String slug;

    ConsentKind(String slug) {
        this.slug = slug;
    }

    public static Optional<ConsentKind> fromSlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug) || k.name().equals(slug)).findFirst();
    }
}
