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
import org.hibernate.annotations.DynamicUpdate;

/** A peer group: usually one per course group, moderated by its specialists. */
@Entity
@DynamicUpdate
@Table(name = "peer_group")
public class PeerGroup extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 120)
    public String name;

    @Column(nullable = false, length = 2000)
    public String description;

    /** The group's own rules; null shows the built-in rules. */
    @Column(columnDefinition = "TEXT")
    public String rules;

    @Column(name = "created_by", nullable = false)
    public Long createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "archived_at")
    public Instant archivedAt;

    public boolean isArchived() {
        return archivedAt != null;
    }

    public static List<PeerGroup> listAllOrdered() {
        return list("order by name, id");
    }
}
