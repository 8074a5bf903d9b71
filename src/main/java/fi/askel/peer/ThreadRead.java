package fi.askel.peer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** How far one person has read one thread. */
@Entity
@Table(name = "peer_thread_read")
public class ThreadRead extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "user_id")
        public Long userId;

        @Column(name = "thread_id")
        public Long threadId;

        public Key() {}

        public Key(Long userId, Long threadId) {
            this.userId = userId;
            this.threadId = threadId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.userId, userId) && Objects.equals(k.threadId, threadId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, threadId);
        }
    }

    @EmbeddedId
    public Key key;

    @Column(name = "last_read_post_id", nullable = false)
    public Long lastReadPostId;

    @Column(name = "read_at", nullable = false)
    public Instant readAt;
}
