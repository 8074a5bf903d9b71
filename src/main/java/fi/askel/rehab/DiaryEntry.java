package fi.askel.rehab;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One diary entry (a night, a measurement, a week), copied from the diary step's answer for the specialist's charts. */
@Entity
@Table(name = "diary_entry")
public class DiaryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "assignment_id", nullable = false)
    public Long assignmentId;

    @Column(name = "client_id", nullable = false)
    public Long clientId;

    @Column(name = "step_key", nullable = false, length = 64)
    public String stepKey;

    /** The diary's kind as module.yaml names it: sleep, glucose, weekly-check-in. */
    @Column(name = "log_kind", nullable = false, length = 32)
    public String logKind;

    /** What identifies the entry in its diary: the night, the week, or the measurement's date and time. */
    @Column(name = "entry_key", nullable = false, length = 32)
    public String entryKey;

    @Column(name = "entry_on", nullable = false)
    public LocalDate entryOn;

    /** The entry as the answer holds it (JSON). */
    @Column(nullable = false, columnDefinition = "LONGTEXT")
    public String entry;

    @Column(name = "saved_at", nullable = false)
    public Instant savedAt;

    /** Every entry of the client's diaries, oldest first: one query for the whole client page. */
    public static List<DiaryEntry> listByClient(Long clientId) {
        return list("clientId = ?1 order by logKind, entryOn, entryKey, id", clientId);
    }
}
