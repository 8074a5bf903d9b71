package fi.askel.rehab;

import fi.askel.common.db.IdList;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** A client's answer to one step, as JSON (shape per step type: exercises/README.md). */
@Entity
@Table(name = "step_answer")
@IdClass(StepAnswer.Key.class)
public class StepAnswer extends PanacheEntityBase {

    public static class Key implements Serializable {
        public Long assignmentId;
        public String stepKey;

        public Key() {}

        public Key(Long assignmentId, String stepKey) {
            this.assignmentId = assignmentId;
            this.stepKey = stepKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.assignmentId, assignmentId) && Objects.equals(k.stepKey, stepKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(assignmentId, stepKey);
        }
    }

    @Id
    @Column(name = "assignment_id")
    public Long assignmentId;

    @Id
    @Column(name = "step_key", length = 64)
    public String stepKey;

    @Column(nullable = false, columnDefinition = "LONGTEXT")
    public String answer;

    /** Done (true) or a draft saved while typing (false). */
    @Column(name = "is_final", nullable = false)
    public boolean done;

    @Column(nullable = false)
    public int revision;

    @Column(name = "saved_at", nullable = false)
    public Instant savedAt;

    public static List<StepAnswer> listByAssignment(Long assignmentId) {
        return list("assignmentId", assignmentId);
    }

    public static List<StepAnswer> listByAssignments(Collection<Long> assignmentIds) {
        if (assignmentIds.isEmpty()) {
            return List.of();
        }
        IdList in = IdList.of(assignmentIds, 1);
        return list(in.in("assignmentId"), in.after());
    }
}
