package fi.askel.peer;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times in the peer pages as people in Finland read them: 14.3.2026 klo 9.05 → "14.3.2026 9.05". */
@TemplateExtension
final class PeerTemplateExtensions {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d.M.yyyy H.mm").withZone(ZoneId.of("Europe/Helsinki"));

    private PeerTemplateExtensions() {}

    static String peerTime(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
