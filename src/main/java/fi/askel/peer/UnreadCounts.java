package fi.askel.peer;

import fi.askel.common.db.IdList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "N new": posts by others that the person has not yet seen (past their read marker in each thread),
 * leaving out removed and hidden posts. Counted in the database with the (group_id, id) and
 * (thread_id, id) indexes, so every instance agrees.
 */
@ApplicationScoped
public class UnreadCounts {

    /** Posts p unread by :user: not their own, not removed or hidden, past their read marker of the thread. */
    static final String UNREAD = unread(":user");

    /** {@link #UNREAD} with the reader as {@code user} (a named or positional parameter, such as ?1). */
    static String unread(String user) {
        return " p.authorId <> " + user + " and p.deletedAt is null and p.hiddenAt is null"
                + " and p.id > coalesce((select r.lastReadPostId from ThreadRead r"
                + " where r.key.userId = " + user + " and r.key.threadId = p.threadId), 0)";
    }

    private final EntityManager em;

    public UnreadCounts(EntityManager em) {
        this.em = em;
    }

    public Map<Long, Long> byGroup(Long userId, Collection<Long> groupIds) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        IdList in = IdList.of(groupIds, 2);
        return grouped(in.bind(em.createQuery("select p.groupId, count(p) from Post p where " + in.in("p.groupId") + " and"
                + unread("?1") + " group by p.groupId", Object[].class)).setParameter(1, userId).getResultList());
    }

    public Map<Long, Long> byThread(Long userId, Collection<Long> threadIds) {
        if (threadIds.isEmpty()) {
            return Map.of();
        }
        IdList in = IdList.of(threadIds, 2);
        return grouped(in.bind(em.createQuery("select p.threadId, count(p) from Post p where " + in.in("p.threadId") + " and"
                + unread("?1") + " group by p.threadId", Object[].class)).setParameter(1, userId).getResultList());
    }

    /** Unread posts of a group written after {@code since}: what a daily digest has not told yet. */
    public long inGroupSince(Long userId, Long groupId, Instant since) {
        return em.createQuery("select count(p) from Post p where p.groupId = :group and p.createdAt > :since and"
                + UNREAD, Long.class)
                .setParameter("group", groupId).setParameter("since", since).setParameter("user", userId)
                .getSingleResult();
    }

    public long lastRead(Long userId, Long threadId) {
        ThreadRead read = ThreadRead.findById(new ThreadRead.Key(userId, threadId));
        return read == null ? 0 : read.lastReadPostId;
    }

    /** Moves the read marker forward (never back); safe when two tabs mark the same thread at once. */
    public void markRead(Long userId, Long threadId, Long upToPostId) {
        if (upToPostId == null) {
            return;
        }
        em.createNativeQuery("INSERT INTO peer_thread_read (user_id, thread_id, last_read_post_id, read_at)"
                + " VALUES (?1, ?2, ?3, ?4) ON DUPLICATE KEY UPDATE"
                + " last_read_post_id = GREATEST(last_read_post_id, VALUES(last_read_post_id)), read_at = VALUES(read_at)")
                .setParameter(1, userId).setParameter(2, threadId).setParameter(3, upToPostId)
                .setParameter(4, Timestamp.from(Instant.now()))
                .executeUpdate();
    }

    static Map<Long, Long> grouped(List<Object[]> rows) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }
}
