package fi.askel.rehab.adaptation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The stored adaptation of one assignment for its client (see V26): the per-step part as JSON, read and written
 * only through {@link Adaptation} and {@link Adaptations}.
 */
@Entity
@Table(name = "assignment_adaptation")
public class AssignmentAdaptation extends PanacheEntityBase {

    @Id
    @Column(name = "assignment_id")
    public Long assignmentId;

    @Column(nullable = false, columnDefinition = "LONGTEXT")
    public String steps;

    @Column(length = 2000)
    public String note;

    @Column(name = "changed_by", nullable = false)
    public Long changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Version
    public int version;
}
