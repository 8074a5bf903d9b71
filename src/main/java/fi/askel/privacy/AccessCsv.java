package fi.askel.privacy;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;

/**
 * The access log as CSV (RFC 4180, UTF-8, comma-separated, every text cell quoted). A text cell that a
 * spreadsheet would take for a formula (starting with = + - @, a tab or a carriage return) gets a
 * leading apostrophe, so opening the file cannot run anything (OWASP "CSV injection").
 */
final class AccessCsv {

    static final String HEADER = "id,seq,occurred_at,actor_id,actor_username,actor_name,actor_role,client_id,kind,purpose,route,"
            + "remote_address,prev_hash,hash";

    private AccessCsv() {}

    static void header(Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
    }

    static void row(Writer out, AccessRecord r) throws IOException {
        out.write(Long.toString(r.id()));
        out.write(',');
        out.write(r.seq() == null ? "" : Long.toString(r.seq()));
        out.write(',');
        out.write(DateTimeFormatter.ISO_INSTANT.format(r.occurredAt()));
        out.write(',');
        out.write(Long.toString(r.actorId()));
        for (String text : new String[] {r.actorUsername(), r.actorName(), r.actorRole()}) {
            out.write(',');
            out.write(cell(text));
        }
        out.write(',');
        out.write(Long.toString(r.clientId()));
        for (String text : new String[] {r.kind(), r.purpose(), r.route(), r.remoteAddress(), r.prevHash(), r.hash()}) {
            out.write(',');
            out.write(cell(text));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        return fi.askel.common.Csv.cell(value);
    }
}
