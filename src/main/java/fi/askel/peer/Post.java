package fi.askel.peer;

import fi.askel.common.db.Counts;
import fi.askel.common.db.IdList;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.hibernate.annotations.DynamicUpdate;

/** A post in a thread, possibly a reply to another post of the same thread. */
@Entity
@DynamicUpdate
@Table(name = "peer_post")
public class Post extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "thread_id", nullable = false)
    public Long threadId;

    @Column(name = "group_id", nullable = false)
    public Long groupId;

    @Column(name = "author_id", nullable = false)
    public Long authorId;

    @Column(name = "reply_to_id")
    public Long replyToId;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "edited_at")
    public Instant editedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "hidden_at")
    public Instant hiddenAt;

    @Column(name = "hidden_by")
    public Long hiddenBy;

    @Column(name = "hidden_reason", length = 500)
    public String hiddenReason;

    @Column(nullable = false)
    public boolean distress;

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean isHidden() {
        return hiddenAt != null;
    }

    /** Oldest first, as a conversation is read. */
    public static List<Post> listByThread(Long threadId, int page, int size) {
        return find("threadId = ?1 order by id", threadId).page(page, size).list();
    }

    public static long countByThreadUpTo(Long threadId, Long postId) {
        return Counts.of("select count(*) from Post where threadId = ?1 and id <= ?2", threadId, postId);
    }

    public static long countRecentByAuthor(Long authorId, Instant since) {
        return Counts.of("select count(*) from Post where authorId = ?1 and createdAt >= ?2", authorId, since);
    }

    public static List<Post> listByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        IdList in = IdList.of(ids, 1);
        return list(in.in("id"), in.after());
    }

    public static Long lastIdOfThread(Long threadId) {
        return find("select max(p.id) from Post p where p.threadId = ?1", threadId).project(Long.class).firstResult();
    }
}
