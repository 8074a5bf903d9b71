package fi.askel.privacy;

import fi.askel.common.Messages;
import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the access log shows: to the client (no staff ids, labels in their language) and to an admin. */
public final class AccessLogViews {

    private AccessLogViews() {}

    /** One event as the client sees it: when, who (name and role), what and why. */
    @TemplateData
    public record MyAccessView(Instant at, String when, String who, String role, String roleLabel, String kind, String what,
            String purpose, String why) {}

    /** One event as an admin sees it. */
    @TemplateData
    public record AuditEventView(long id, Instant occurredAt, String when, long actorId, String actorUsername, String actorName,
            String actorRole, long clientId, String clientName, String clientUsername, String kind, String what, String purpose,
            String why, String route, String remoteAddress) {}

    /** A page of results, newest first. */
    @TemplateData
    public record Page<T>(int page, int size, long total, List<T> items) {
        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public int next() {
            return page + 1;
        }

        public int previous() {
            return page - 1;
        }
    }

    /** The user-facing names of kinds, purposes and roles in one language. */
    public record Labels(Messages messages, String lang) {

        public String kind(String kind) {
            return messages.get(lang, "accesslog.kind." + kind);
        }

        public String purpose(String purpose) {
            return messages.get(lang, "accesslog.purpose." + purpose);
        }

        public String role(String role) {
            return messages.get(lang, "role." + role);
        }

        public String when(Instant at) {
            return fi.askel.common.Dates.dateTime(at, lang);
        }

        MyAccessView mine(AccessEvent e) {
            return new MyAccessView(e.occurredAt, when(e.occurredAt), e.actorName, e.actorRole, role(e.actorRole), e.kind,
                    kind(e.kind), e.purpose, purpose(e.purpose));
        }

        AuditEventView audit(AccessEvent e, Map<Long, String[]> clients) {
            String[] client = clients.getOrDefault(e.clientId, new String[] {"", ""});
            return new AuditEventView(e.id, e.occurredAt, when(e.occurredAt), e.actorId, e.actorUsername, e.actorName,
                    e.actorRole, e.clientId, client[0], client[1], e.kind, kind(e.kind), e.purpose, purpose(e.purpose),
                    e.route, e.remoteAddress);
        }
    }
}
