package fi.askel.rehab;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;

/** One logged exercise session, copied from the exercise step's answer for trends and flags. */
@Entity
@Table(name = "exercise_log")
public class ExerciseLog extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "assignment_id", nullable = false)
    public Long assignmentId;

    @Column(name = "client_id", nullable = false)
    public Long clientId;

    @Column(name = "step_key", nullable = false, length = 64)
    public String stepKey;

    @Column(name = "done_on", nullable = false)
    public LocalDate doneOn;

    @Column(name = "sets_done")
    public Integer setsDone;

    @Column(name = "reps_done")
    public Integer repsDone;

    @Column(name = "minutes_done")
    public Integer minutesDone;

    /** Null when the step does not ask it (see ExerciseStep's log). */
    public Integer effort;

    public Integer pain;

    public static List<ExerciseLog> listByClient(Long clientId) {
        return list("clientId = ?1 order by doneOn, id", clientId);
    }

    public static void deleteByStep(Long assignmentId, String stepKey) {
        delete("assignmentId = ?1 and stepKey = ?2", assignmentId, stepKey);
    }
}
