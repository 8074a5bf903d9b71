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
import java.util.List;
import org.hibernate.annotations.DynamicUpdate;

/** A discussion thread: a title, and posts of which the first is the thread's body. */
@Entity
@DynamicUpdate
@Table(name = "peer_thread")
public class DiscussionThread extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "group_id", nullable = false)
    public Long groupId;

    @Column(name = "author_id", nullable = false)
    public Long authorId;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_activity_at", nullable = false)
    public Instant lastActivityAt;

    @Column(name = "post_count", nullable = false)
    public int postCount;

    @Column(nullable = false)
    public boolean pinned;

    @Column(name = "locked_at")
    public Instant lockedAt;

    @Column(name = "locked_by")
    public Long lockedBy;

    public boolean isLocked() {
        return lockedAt != null;
    }

    /** Pinned threads first, then the newest activity. */
    public static List<DiscussionThread> listByGroup(Long groupId, int page, int size) {
        return find("groupId = ?1 order by pinned desc, lastActivityAt desc, id desc", groupId).page(page, size).list();
    }

    /** Counts a new post and moves the thread up, in SQL: concurrent replies never lose a count. */
    public static void recordPost(Long threadId, Instant at) {
        update("postCount = postCount + 1, lastActivityAt = ?1 where id = ?2", at, threadId);
    }

    /** Of these threads, those whose first post a moderator has hidden. */
    public static List<Long> listHiddenFirstPosts(List<Long> threadIds) {
        if (threadIds.isEmpty()) {
            return List.of();
        }
        IdList in = IdList.of(threadIds, 1);
        return find("select p.threadId from Post p where " + in.in("p.threadId")
                + " and p.hiddenAt is not null and p.id = (select min(q.id) from Post q where q.threadId = p.threadId)",
                in.after()).project(Long.class).list();
    }

    public static long countByGroup(Long groupId) {
        return Counts.of("select count(*) from DiscussionThread where groupId = ?1", groupId);
    }
}
