package fi.askel.rehab;

import fi.askel.common.db.IdList;
import fi.askel.rehab.adaptation.Adaptation;
import fi.askel.rehab.adaptation.AdaptationService;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "client_id", nullable = false)
    public Long clientId;

    @Column(name = "period_id", nullable = false)
    public Long periodId;

    @Column(name = "module_slug", nullable = false, length = 64)
    public String moduleSlug;

    @Column(name = "module_version", nullable = false)
    public int moduleVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public AssignmentStatus status;

    @Column(name = "opens_on")
    public LocalDate opensOn;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(length = 2000)
    public String note;

    @Column(name = "assigned_by", nullable = false)
    public Long assignedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "last_activity_at")
    public Instant lastActivityAt;

    /** Set when the assignment is a course's start or end measure (see {@code rehab.measures}); null when assigned by hand. */
    @Enumerated(EnumType.STRING)
    @Column(length = 8)
    public Measure measure;

    @Version
    public int version;

    /**
     * The specialist's adaptation for the client, once read (with the assignment where it can be: see
     * {@link AdaptationService#of(Assignment)}); null until then. Lives as long as the entity's unit of work.
     */
    @Transient
    public Adaptation adaptation;

    /**
     * The keys of the steps the client has done, when the query that loaded the assignment read them too
     * ({@link #listByClient}, {@link #listByClients}); null otherwise ({@link AnswerStore#doneSteps} reads them).
     */
    @Transient
    public Set<String> doneSteps;

    /** Which end of the course a measure assignment measures. */
    public enum Measure { START, END }

    /** The client's assignments, newest first, with their adaptations and done steps (one query). */
    public static List<Assignment> listByClient(Long clientId) {
        return AdaptationService.listWithProgress("a.clientId = ?1 order by a.createdAt desc, a.id desc", clientId);
    }

    public static List<Assignment> listByClients(Collection<Long> clientIds) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        IdList in = IdList.of(clientIds, 1);
        return AdaptationService.listWithProgress(in.in("a.clientId") + " order by a.createdAt desc, a.id desc", in.after());
    }
}
