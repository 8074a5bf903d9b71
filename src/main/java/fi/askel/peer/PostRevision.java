package fi.askel.peer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** The text a post had before an edit or its removal; only the group's moderators read these. */
@Entity
@Table(name = "peer_post_revision")
public class PostRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "post_id", nullable = false)
    public Long postId;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<PostRevision> listByPost(Long postId) {
        return list("postId = ?1 order by id", postId);
    }
}
