package fi.askel.privacy;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times on the privacy pages as people in Finland read them: "14.3.2026 9.05". */
@TemplateExtension
final class PrivacyTemplateExtensions {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d.M.yyyy H.mm").withZone(ZoneId.of("Europe/Helsinki"));

    private PrivacyTemplateExtensions() {}

    static String privacyTime(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
