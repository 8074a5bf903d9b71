package fi.askel.privacy;

import fi.askel.common.NativeRows;
import fi.askel.common.ApiException;
import fi.askel.identity.Caller;
import fi.askel.identity.Role;
import fi.askel.privacy.PrivacyViews.AcknowledgeRequest;
import fi.askel.privacy.PrivacyViews.AcknowledgementView;
import fi.askel.privacy.PrivacyViews.ConsentHistoryItem;
import fi.askel.privacy.PrivacyViews.ConsentView;
import fi.askel.privacy.PrivacyViews.PrivacyState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Acknowledgements of the privacy notice and consents. A client acknowledges the newest notice version
 * before anything else; consents are given and withdrawn as new rows, so the history is never lost.
 */
@ApplicationScoped
public class ConsentService {

    private final PrivacyNoticeService notices;
    private final ErasureService erasures;
    private final NativeRows queries;
    private final EntityManager em;
    private final Event<ConsentRecorded> recorded;

    public ConsentService(PrivacyNoticeService notices, ErasureService erasures, NativeRows queries, EntityManager em,
            Event<ConsentRecorded> recorded) {
        this.recorded = recorded;
        this.notices = notices;
        this.erasures = erasures;
        this.queries = queries;
        this.em = em;
    }

    @Transactional
    public PrivacyState state(Caller caller, String lang) {
        requireClient(caller);
        long userId = caller.id();
        int current = notices.currentVersion();
        List<AcknowledgementView> acks = acknowledgements(userId);
        AcknowledgementView latest = acks.isEmpty() ? null : acks.get(0);
        List<ConsentEvent> events = ConsentEvent.listByUser(userId);
        List<ConsentHistoryItem> history = events.stream().map(e -> new ConsentHistoryItem(e.kind.slug, e.given,
                e.recordedAt, e.noticeVersion, e.recordedBy.equals(e.userId))).toList();
        return new PrivacyState(current, latest == null ? null : latest.version(), latest == null ? null : latest.at(),
                latest == null || latest.version() != current, current(events), history, acks, erasures.latestOf(userId, lang));
    }

    /** Records that the client read the notice version shown to them, and their remote rehabilitation consent if given. */
    @Transactional
    public PrivacyState acknowledge(Caller caller, AcknowledgeRequest req, String remoteAddress, String lang) {
        requireClient(caller);
        if (req == null) {
            throw ApiException.invalid("body", "error.body.required");
        }
        if (req.version() == null) {
            throw ApiException.invalid("version", "privacy.ack.version.required");
        }
        if (req.remoteRehabConsent() == null) {
            throw ApiException.invalid("remoteRehabConsent", "privacy.ack.consent.required");
        }
        int current = notices.currentVersion();
        if (req.version() != current) {
            throw ApiException.conflict("notice-version-outdated", "privacy.ack.outdated", current);
        }
        em.createNativeQuery("INSERT IGNORE INTO privacy_acknowledgement (user_id, notice_version, acknowledged_at, remote_address)"
                        + " VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, caller.id()).setParameter(2, current).setParameter(3, Timestamp.from(Instant.now()))
                .setParameter(4, remoteAddress == null || remoteAddress.length() > 64 ? null : remoteAddress)
                .executeUpdate();
        if (req.remoteRehabConsent()) {
            ConsentView now = current(ConsentEvent.listByUser(caller.id())).get(0);
            if (!now.given() || now.noticeVersion() != current) {
                record(caller, ConsentKind.REMOTE_REHAB, true, current);
            }
        }
        return state(caller, lang);
    }

    /** Gives or withdraws one consent; asking for the state it already has changes nothing. */
    @Transactional
    public ConsentView set(Caller caller, String kindSlug, Boolean given) {
        requireClient(caller);
        ConsentKind kind = ConsentKind.fromSlug(kindSlug).orElseThrow(() -> ApiException.notFound("consent"));
        if (given == null) {
            throw ApiException.invalid("given", "privacy.consent.given.required");
        }
        ConsentView now = byKind(current(ConsentEvent.listByUser(caller.id())), kind);
        if (now.given() != given || now.since() == null) {
            record(caller, kind, given, notices.currentVersion());
        }
        return byKind(current(ConsentEvent.listByUser(caller.id())), kind);
    }

    /** The consents of clients as they stand now, for staff who must know whether they may disclose. */
    @Transactional
    public Map<Long, List<ConsentView>> consentsOf(Collection<Long> clientIds) {
        Map<Long, List<ConsentEvent>> byUser = new HashMap<>();
        ConsentEvent.listByUsers(clientIds).forEach(e -> byUser.computeIfAbsent(e.userId, k -> new java.util.ArrayList<>()).add(e));
        Map<Long, List<ConsentView>> result = new HashMap<>();
        clientIds.forEach(id -> result.put(id, current(byUser.getOrDefault(id, List.of()))));
        return result;
    }

    public List<ConsentView> consentsOf(long clientId) {
        return consentsOf(List.of(clientId)).get(clientId);
    }

    /** Whether the consent of this kind stands in a client's consents as {@link #consentsOf} gives them. */
    public static boolean given(List<ConsentView> consents, ConsentKind kind) {
        return consents.stream().anyMatch(c -> c.kind().equals(kind.slug) && c.given());
    }

    @Transactional
    public List<AcknowledgementView> acknowledgements(long userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT notice_version, acknowledged_at FROM privacy_acknowledgement"
                + " WHERE user_id = ?1 ORDER BY notice_version DESC").setParameter(1, userId).getResultList();
        return rows.stream().map(r -> new AcknowledgementView(((Number) r[0]).intValue(), queries.instant(r[1]))).toList();
    }

    /** Records an acknowledgement without a request, for the demo clients (askel.demo=true only). */
    @Transactional
    void acknowledgeAsDemo(Caller client, boolean kela) {
        acknowledge(client, new AcknowledgeRequest(notices.currentVersion(), true), null, client.locale());
        if (kela) {
            record(client, ConsentKind.KELA, true, notices.currentVersion());
        }
    }

    private void record(Caller caller, ConsentKind kind, boolean given, int version) {
        ConsentEvent e = new ConsentEvent();
        e.userId = caller.id();
        e.kind = kind;
        e.given = given;
        e.noticeVersion = version;
        e.recordedAt = Instant.now();
        e.recordedBy = caller.id();
        e.persist();
        recorded.fire(new ConsentRecorded(caller.id(), kind, given));
    }

    /** The newest event of each kind, in the order of ConsentKind. */
    static List<ConsentView> current(List<ConsentEvent> oldestFirst) {
        Map<ConsentKind, ConsentEvent> latest = new HashMap<>();
        oldestFirst.forEach(e -> latest.put(e.kind, e));
        return Arrays.stream(ConsentKind.values()).map(k -> {
            ConsentEvent e = latest.get(k);
            return e == null ? new ConsentView(k.slug, false, null, null)
                    : new ConsentView(k.slug, e.given, e.recordedAt, e.noticeVersion);
        }).toList();
    }

    private static ConsentView byKind(List<ConsentView> views, ConsentKind kind) {
        return views.stream().filter(v -> v.kind().equals(kind.slug)).findFirst().orElseThrow();
    }

    private static void requireClient(Caller caller) {
        if (caller.role() != Role.CLIENT) {
            throw ApiException.forbidden("privacy.client-only");
        }
    }
}
