package fi.askel.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times the way people in Finland write them, in Finland's time: 5.12.2026 klo 14.30 in Finnish,
 * 5.12.2026 kl. 14.30 in Swedish, 5 Dec 2026, 14:30 in English. Machine-readable forms (ISO 8601) belong only in
 * attributes such as {@code <time datetime>}, never in the text a person reads.
 */
public final class Dates {

    public static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");
    private static final String MISSING = "–";

    private static final DateTimeFormatter NORDIC_DATE = DateTimeFormatter.ofPattern("d.M.yyyy");
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter FINNISH_TIME = DateTimeFormatter.ofPattern("d.M.yyyy 'klo' H.mm");
    private static final DateTimeFormatter SWEDISH_TIME = DateTimeFormatter.ofPattern("d.M.yyyy 'kl.' H.mm");
    private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    private Dates() {}

    /**
     * Today in Finland. The server's own zone is usually UTC, where the date changes two or three hours after
     * Finland's: a client logging an exercise at half past midnight must get today's date, not yesterday's.
     */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** 5.12.2026 (fi, sv), 5 Dec 2026 (en); a dash when there is none. */
    public static String date(LocalDate date, String lang) {
        return date == null ? MISSING : ("en".equals(lang) ? ENGLISH_DATE : NORDIC_DATE).format(date);
    }

    /** The day of a moment in Finland's time. */
    public static String day(Instant at, String lang) {
        return at == null ? MISSING : date(at.atZone(ZONE).toLocalDate(), lang);
    }

    /** 5.12.2026 klo 14.30 (fi), 5.12.2026 kl. 14.30 (sv), 5 Dec 2026, 14:30 (en), in Finland's time. */
    public static String dateTime(Instant at, String lang) {
        if (at == null) {
            return MISSING;
        }
        DateTimeFormatter f = "sv".equals(lang) ? SWEDISH_TIME : "en".equals(lang) ? ENGLISH_TIME : FINNISH_TIME;
        return f.format(at.atZone(ZONE));
    }
}
