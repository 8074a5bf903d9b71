package fi.askel.peer;

import fi.askel.common.db.Counts;
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

/** Something in a group the person should know about. Names the group and thread, never a person. */
@Entity
@Table(name = "peer_notification")
public class Notification extends PanacheEntityBase {

    public enum Kind { ADDED, NEW_THREAD, REPLY, REPORT, DISTRESS, HIDDEN, THREAD_LOCKED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(name = "group_id", nullable = false)
    public Long groupId;

    @Column(name = "thread_id")
    public Long threadId;

    @Column(name = "post_id")
    public Long postId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public Kind kind;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    public static List<Notification> listByUser(Long userId, boolean unreadOnly, int limit) {
        return (unreadOnly ? find("userId = ?1 and readAt is null order by id desc", userId)
                : find("userId = ?1 order by id desc", userId)).page(0, limit).list();
    }

    public static long countUnread(Long userId) {
        return Counts.of("select count(*) from Notification where userId = ?1 and readAt is null", userId);
    }

    public static int markAllRead(Long userId, Instant now) {
        return update("readAt = ?1 where userId = ?2 and readAt is null", now, userId);
    }
}
