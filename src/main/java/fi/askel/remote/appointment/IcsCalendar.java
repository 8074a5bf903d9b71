package fi.askel.remote.appointment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One appointment as an iCalendar file (RFC 5545) for the person's own calendar: times in UTC, the
 * topic as summary, the link to the call page, a cancelled call as STATUS:CANCELLED with a higher
 * SEQUENCE so calendars replace the earlier copy.
 */
final class IcsCalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private IcsCalendar() {}

    static String of(Appointment a, String summary, String description, String callUrl, String uidDomain, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Askel//Video appointments//FI");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "BEGIN:VEVENT");
        line(out, "UID:appointment-" + a.id + "@" + uidDomain);
        line(out, "SEQUENCE:" + a.version);
        line(out, "DTSTAMP:" + UTC.format(now));
        line(out, "DTSTART:" + UTC.format(a.startsAt));
        line(out, "DTEND:" + UTC.format(a.endsAt()));
        line(out, "SUMMARY:" + text(summary));
        line(out, "DESCRIPTION:" + text(description));
        line(out, "URL:" + callUrl);
        line(out, "STATUS:" + (a.status == Appointment.Status.CANCELLED ? "CANCELLED" : "CONFIRMED"));
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** TEXT values escape backslash, semicolon, comma and line breaks. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Lines longer than 75 octets are folded (CRLF and a space), never inside a UTF-8 character. */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
