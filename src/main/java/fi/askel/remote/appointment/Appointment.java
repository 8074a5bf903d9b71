package fi.askel.remote.appointment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A video call a specialist has booked with one of their clients, and what is known of how it went. */
@Entity
@Table(name = "remote_appointment")
public class Appointment extends PanacheEntityBase {

    public enum Status { SCHEDULED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "client_id", nullable = false)
    public Long clientId;

    @Column(name = "specialist_id", nullable = false)
    public Long specialistId;

    @Column(name = "period_id")
    public Long periodId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    @Column(nullable = false, length = 200)
    public String topic;

    @Column(length = 2000)
    public String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status = Status.SCHEDULED;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancelled_by")
    public Long cancelledBy;

    @Column(name = "cancel_reason", length = 500)
    public String cancelReason;

    @Column(name = "client_joined_at")
    public Instant clientJoinedAt;

    @Column(name = "specialist_joined_at")
    public Instant specialistJoinedAt;

    /** When both were first in the call at once. */
    @Column(name = "call_started_at")
    public Instant callStartedAt;

    @Column(name = "call_ended_at")
    public Instant callEndedAt;

    /** Seconds both were in the call at the same time, over every time they were. */
    @Column(name = "call_seconds", nullable = false)
    public int callSeconds;

    @Column(name = "created_by", nullable = false)
    public Long createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    public Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(durationMinutes));
    }

    public boolean isParticipant(Long userId) {
        return clientId.equals(userId) || specialistId.equals(userId);
    }

    public boolean tookPlace() {
        return callStartedAt != null;
    }

    /** Appointments of one person (as client or specialist) starting in [from, to), in time order. */
    public static List<Appointment> listByParticipant(Long userId, Instant from, Instant to) {
        return list("(clientId = ?1 or specialistId = ?1) and startsAt >= ?2 and startsAt < ?3 order by startsAt, id",
                userId, from, to);
    }

    public static List<Appointment> listByClient(Long clientId, Instant from, Instant to) {
        return list("clientId = ?1 and startsAt >= ?2 and startsAt < ?3 order by startsAt, id", clientId, from, to);
    }

    /**
     * Whether the person has another scheduled call overlapping [start, end). Calls last at most four
     * hours, so only those starting within four hours before the end can overlap (keeps the index range short).
     */
    public static boolean overlaps(Long userId, boolean asClient, Instant start, Instant end, Long exceptId) {
        String who = asClient ? "clientId" : "specialistId";
        return Appointment.<Appointment>list(who + " = ?1 and status = ?2 and startsAt > ?3 and startsAt < ?4 and id <> ?5",
                        userId, Status.SCHEDULED, start.minus(Duration.ofHours(4)), end, exceptId == null ? -1L : exceptId)
                .stream().anyMatch(a -> a.endsAt().isAfter(start));
    }
}
