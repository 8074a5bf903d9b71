package fi.askel.privacy;

import fi.askel.common.Messages;
import fi.askel.identity.Caller;
import fi.askel.identity.User;
import fi.askel.privacy.AccessLogViews.AuditEventView;
import fi.askel.privacy.AccessLogViews.Labels;
import fi.askel.privacy.AccessLogViews.MyAccessView;
import fi.askel.privacy.AccessLogViews.Page;
import io.agroal.api.AgroalDataSource;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reading the access log: a client's own events, an admin's search, the CSV stream and the chain check. */
@ApplicationScoped
public class AccessLogSearch {

    public static final int MAX_PAGE_SIZE = 200;
    static final int BATCH = 1000;
    private static final Sort NEWEST_FIRST = Sort.descending("occurredAt", "id");

    /** Writes one row of the CSV stream; may fail with I/O. */
    public interface RowSink {
        void accept(AccessRecord row) throws IOException;
    }

    private final AccessLog log;
    private final Messages messages;
    private final AgroalDataSource dataSource;

    public AccessLogSearch(AccessLog log, Messages messages, AgroalDataSource dataSource) {
        this.log = log;
        this.messages = messages;
        this.dataSource = dataSource;
    }

    /** Who has processed the caller's own data, newest first. Reading it is not itself logged. */
    public Page<MyAccessView> mine(Caller client, int page, int size, String lang) {
        Labels labels = new Labels(messages, lang);
        var query = AccessEvent.<AccessEvent>find("clientId", NEWEST_FIRST, client.id());
        List<MyAccessView> items = query.page(page, size).list().stream().map(labels::mine).toList();
        return new Page<>(page, size, query.count(), items);
    }

    /** An admin's search, newest first. Looking at one client's log is itself logged (AUDIT_READ). */
    public Page<AuditEventView> search(Caller admin, AccessFilter filter, int page, int size, String lang) {
        Map<String, Object> params = new HashMap<>();
        var query = AccessEvent.<AccessEvent>find(filter.where(params), NEWEST_FIRST, params);
        List<AccessEvent> events = query.page(page, size).list();
        long total = query.count();
        Set<Long> clientIds = events.stream().map(e -> e.clientId).collect(Collectors.toSet());
        Map<Long, String[]> clients = User.byIds(clientIds).values().stream()
                .collect(Collectors.toMap(u -> u.id, u -> new String[] {u.displayName, u.username}));
        auditRead(admin, filter);
        Labels labels = new Labels(messages, lang);
        return new Page<>(page, size, total, events.stream().map(e -> labels.audit(e, clients)).toList());
    }

    /** Records that an admin read one client's log; searches across clients are not (see README). */
    public void auditRead(Caller admin, AccessFilter filter) {
        if (filter.clientId() != null) {
            log.record(admin, filter.clientId(), AccessKind.AUDIT_READ);
        }
    }

    /** Every matching event, newest first, read {@value #BATCH} at a time so memory stays flat. */
    public void stream(AccessFilter filter, RowSink sink) throws IOException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.clientId() != null) {
            where.append(" AND client_id = ?");
            args.add(filter.clientId());
        }
        if (filter.userId() != null) {
            where.append(" AND actor_id = ?");
            args.add(filter.userId());
        }
        if (filter.from() != null) {
            where.append(" AND occurred_at >= ?");
            args.add(LocalDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.append(" AND occurred_at < ?");
            args.add(LocalDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        String first = "SELECT " + AccessChain.COLUMNS + " FROM access_event" + where + " ORDER BY occurred_at DESC, id DESC LIMIT ?";
        String next = "SELECT " + AccessChain.COLUMNS + " FROM access_event" + where
                + " AND (occurred_at < ? OR (occurred_at = ? AND id < ?)) ORDER BY occurred_at DESC, id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection()) {
            AccessRecord last = null;
            while (true) {
                List<Object> bound = new ArrayList<>(args);
                if (last != null) {
                    LocalDateTime at = LocalDateTime.ofInstant(last.occurredAt(), ZoneOffset.UTC);
                    bound.add(at);
                    bound.add(at);
                    bound.add(last.id());
                }
                bound.add(BATCH);
                int seen = 0;
                try (PreparedStatement ps = c.prepareStatement(last == null ? first : next)) {
                    for (int i = 0; i < bound.size(); i++) {
                        ps.setObject(i + 1, bound.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            last = AccessChain.read(rs);
                            sink.accept(last);
                            seen++;
                        }
                    }
                }
                if (seen < BATCH) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("Reading the access log failed", e));
        }
    }
}
