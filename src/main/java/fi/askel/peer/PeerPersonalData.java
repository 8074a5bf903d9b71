package fi.askel.peer;

import fi.askel.common.NativeRows;
import fi.askel.privacy.PersonalDataProvider;
import fi.askel.privacy.PrivacyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Peer support in the client's export, erasure and the retention of old posts (see {@link PeerErasure}). */
@ApplicationScoped
public class PeerPersonalData implements PersonalDataProvider {

    private final NativeRows rows;
    private final PeerErasure erasure;

    public PeerPersonalData(NativeRows rows, PeerErasure erasure) {
        this.rows = rows;
        this.erasure = erasure;
    }

    @Override
    public int exportOrder() {
        return 30;
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long clientId) {
        Map<String, List<Map<String, Object>>> files = new LinkedHashMap<>();
        files.put("peer-memberships", rows.of("SELECT m.group_id, g.name AS group_name, m.pseudonym, m.joined_at, m.rules_accepted_at,"
                + " m.removed_at, m.email_digest FROM peer_member m JOIN peer_group g ON g.id = m.group_id"
                + " WHERE m.user_id = ?1 ORDER BY m.joined_at", clientId));
        files.put("peer-threads-started", rows.of("SELECT t.id, t.group_id, g.name AS group_name, t.title, t.created_at FROM peer_thread t"
                + " JOIN peer_group g ON g.id = t.group_id WHERE t.author_id = ?1 ORDER BY t.id", clientId));
        files.put("peer-posts", rows.of("SELECT p.id, p.thread_id, p.group_id, g.name AS group_name, p.reply_to_id, p.body, p.created_at,"
                + " p.edited_at, p.deleted_at, p.hidden_at, p.hidden_reason FROM peer_post p JOIN peer_group g ON g.id = p.group_id"
                + " WHERE p.author_id = ?1 ORDER BY p.id", clientId));
        files.put("peer-post-earlier-versions", rows.of("SELECT r.post_id, r.body, r.created_at FROM peer_post_revision r"
                + " JOIN peer_post p ON p.id = r.post_id WHERE p.author_id = ?1 ORDER BY r.id", clientId));
        files.put("peer-reports-made", rows.of("SELECT post_id, kind, reason, created_at, resolved_at, resolution FROM peer_report"
                + " WHERE reporter_id = ?1 ORDER BY id", clientId));
        files.put("notifications", rows.of("SELECT group_id, thread_id, post_id, kind, created_at, read_at FROM peer_notification"
                + " WHERE user_id = ?1 ORDER BY id", clientId));
        return files;
    }

    @Override
    public List<Line> erase(long clientId) {
        PeerErasure.Counts counts = erasure.eraseUser(clientId);
        return List.of(Line.erased("peer-posts", counts.posts()), Line.erased("peer-threads", counts.threads()),
                Line.erased("peer-pseudonyms", counts.memberships()), Line.erased("notifications", counts.notifications()));
    }

    @Override
    public int applyRetention(PrivacyConfig.Retention rules, Instant now) {
        return rules.peerPostDays() <= 0 ? 0 : erasure.anonymiseBefore(now.minus(Duration.ofDays(rules.peerPostDays())));
    }
}
