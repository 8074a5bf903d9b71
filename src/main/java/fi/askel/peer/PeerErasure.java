package fi.askel.peer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Peer data under the privacy rules (retention and erasure, run by the privacy feature). An anonymised
 * post loses its text, its earlier versions and its link to the author, and shows as removed; an
 * anonymised thread loses its title (it becomes "#id") and its author. Other members' posts stay.
 */
@ApplicationScoped
public class PeerErasure {

    /** What an erasure did to one person's peer data. */
    public record Counts(int posts, int threads, int memberships, int notifications) {}

    private final EntityManager em;

    public PeerErasure(EntityManager em) {
        this.em = em;
    }

    /** Anonymises every post written, and every thread started, before {@code cutoff}; returns how many posts. */
    @Transactional
    public int anonymiseBefore(Instant cutoff) {
        Timestamp before = Timestamp.from(cutoff);
        em.createNativeQuery("DELETE r FROM peer_post_revision r JOIN peer_post p ON p.id = r.post_id"
                + " WHERE p.created_at < ?1").setParameter(1, before).executeUpdate();
        int posts = em.createNativeQuery(anonymisePosts("p.created_at < ?1 AND p.author_id IS NOT NULL"))
                .setParameter(1, before).setParameter(2, Timestamp.from(Instant.now())).executeUpdate();
        em.createNativeQuery("UPDATE peer_thread SET title = CONCAT('#', id), author_id = NULL"
                + " WHERE created_at < ?1 AND author_id IS NOT NULL").setParameter(1, before).executeUpdate();
        return posts;
    }

    /**
     * Erases a person from peer support: their posts and threads are anonymised, their memberships keep
     * only a neutral pseudonym ("#id") and end, their notifications, read markers and report links go.
     */
    @Transactional
    public Counts eraseUser(long userId) {
        em.createNativeQuery("DELETE r FROM peer_post_revision r JOIN peer_post p ON p.id = r.post_id"
                + " WHERE p.author_id = ?1").setParameter(1, userId).executeUpdate();
        int posts = em.createNativeQuery(anonymisePosts("p.author_id = ?1"))
                .setParameter(1, userId).setParameter(2, Timestamp.from(Instant.now())).executeUpdate();
        int threads = em.createNativeQuery("UPDATE peer_thread SET title = CONCAT('#', id), author_id = NULL"
                + " WHERE author_id = ?1").setParameter(1, userId).executeUpdate();
        int memberships = em.createNativeQuery("UPDATE peer_member SET pseudonym = CONCAT('#', id), email_digest = FALSE,"
                        + " removed_at = COALESCE(removed_at, ?2) WHERE user_id = ?1")
                .setParameter(1, userId).setParameter(2, Timestamp.from(Instant.now())).executeUpdate();
        int notifications = em.createNativeQuery("DELETE FROM peer_notification WHERE user_id = ?1")
                .setParameter(1, userId).executeUpdate();
        em.createNativeQuery("DELETE FROM peer_thread_read WHERE user_id = ?1").setParameter(1, userId).executeUpdate();
        em.createNativeQuery("UPDATE peer_report SET reporter_id = NULL WHERE reporter_id = ?1")
                .setParameter(1, userId).executeUpdate();
        return new Counts(posts, threads, memberships, notifications);
    }

    private static String anonymisePosts(String where) {
        return "UPDATE peer_post p SET p.body = '', p.author_id = NULL, p.deleted_at = COALESCE(p.deleted_at, ?2)"
                + " WHERE " + where;
    }
}
