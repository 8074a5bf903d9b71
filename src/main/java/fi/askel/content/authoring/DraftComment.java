package fi.askel.content.authoring;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One step of a draft's review: sent to review, sent back with what to change, or approved (V21). */
@Entity
@Table(name = "content_draft_comment")
public class DraftComment extends PanacheEntityBase {

    public enum Kind { SENT, RETURNED, APPROVED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "draft_id", nullable = false)
    public Long draftId;

    @Column(nullable = false, length = 16)
    @Enumerated(EnumType.STRING)
    public Kind kind;

    /** The note written with it; null when none (a send-back always has one). */
    @Column(columnDefinition = "TEXT")
    public String body;

    @Column(name = "author_id", nullable = false)
    public Long authorId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static List<DraftComment> listByDraft(long draftId) {
        return list("draftId = ?1 order by createdAt, id", draftId);
    }

    /** The review steps of several drafts, in order (one query). */
    static List<DraftComment> listByDrafts(java.util.Collection<Long> draftIds) {
        if (draftIds.isEmpty()) {
            return List.of();
        }
        fi.askel.common.db.IdList in = fi.askel.common.db.IdList.of(draftIds, 1);
        return list(in.in("draftId") + " order by createdAt, id", in.after());
    }

    static void record(long draftId, Kind kind, String body, long authorId) {
        DraftComment c = new DraftComment();
        c.draftId = draftId;
        c.kind = kind;
        c.body = body;
        c.authorId = authorId;
        c.createdAt = Instant.now();
        c.persist();
    }
}
