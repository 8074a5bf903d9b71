package fi.askel.rehab;

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

/** A specialist's decision on a submitted assignment, with the comment the client sees. */
@Entity
@Table(name = "review")
public class Review extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "assignment_id", nullable = false)
    public Long assignmentId;

    @Column(name = "reviewer_id", nullable = false)
    public Long reviewerId;

    @Column(nullable = false, length = 16)
    public String decision;

    @Column(nullable = false, length = 4000)
    public String comment;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<Review> listByAssignment(Long assignmentId) {
        return list("assignmentId = ?1 order by createdAt, id", assignmentId);
    }

    public static List<Review> listByAssignments(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        IdList in = IdList.of(ids, 1);
        return list(in.in("assignmentId") + " order by createdAt, id", in.after());
    }
}
