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

    /** A call with one client, or a group session with several (its clients are {@link AppointmentMember}s). */
    public enum Kind { INDIVIDUAL, GROUP }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Kind kind = Kind.INDIVIDUAL;

    /** The client of an individual call; null for a group session. */
    @Column(name = "client_id")
    public Long clientId;

    /** The peer group a group session is for, if any. */
    @Column(name = "peer_group_id")
    public Long peerGroupId;

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

    public boolean isGroup() {
        return kind == Kind.GROUP;
    }

    /** The clients taking part: the one of an individual call, the members of a group session. */
    public List<Long> clientIds() {
        return isGroup() ? AppointmentMember.listClientIds(id) : List.of(clientId);
    }

    public boolean isParticipant(Long userId) {
        return specialistId.equals(userId) || clientIds().contains(userId);
    }

    public boolean tookPlace() {
        return callStartedAt != null;
    }

    private static final String AS_CLIENT = "(clientId = ?1 or id in (select m.appointmentId from AppointmentMember m"
            + " where m.clientId = ?1))";

    /** Appointments of one person (as client, group member or specialist) starting in [from, to), in time order. */
    public static List<Appointment> listByParticipant(Long userId, Instant from, Instant to) {
        return list("(specialistId = ?1 or " + AS_CLIENT + ") and startsAt >= ?2 and startsAt < ?3 order by startsAt, id",
                userId, from, to);
    }

    /** The first {@code max} scheduled (not cancelled) appointments of one person starting in [from, to), in time order. */
    public static List<Appointment> listScheduledByParticipant(Long userId, Instant from, Instant to, int max) {
        return find("(specialistId = ?1 or " + AS_CLIENT + ") and startsAt >= ?2 and startsAt < ?3 and status = ?4"
                + " order by startsAt, id", userId, from, to, Status.SCHEDULED).page(0, max).list();
    }

    /** A client's individual calls, and the group sessions they are in that {@code groupsOf} booked (null: all). */
    public static List<Appointment> listByClient(Long clientId, Long groupsOf, Instant from, Instant to) {
        String groups = groupsOf == null ? "" : " and (kind = ?4 or specialistId = ?5)";
        String query = AS_CLIENT + " and startsAt >= ?2 and startsAt < ?3" + groups + " order by startsAt, id";
        return groupsOf == null ? list(query, clientId, from, to) : list(query, clientId, from, to, Kind.INDIVIDUAL, groupsOf);
    }

    /**
     * Whether the person has another scheduled call overlapping [start, end). Calls last at most four
     * hours, so only those starting within four hours before the end can overlap (keeps the index range short).
     */
    public static boolean overlaps(Long userId, boolean asClient, Instant start, Instant end, Long exceptId) {
        String who = asClient ? AS_CLIENT : "specialistId = ?1";
        return Appointment.<Appointment>list(who + " and status = ?2 and startsAt > ?3 and startsAt < ?4 and id <> ?5",
                        userId, Status.SCHEDULED, start.minus(Duration.ofHours(4)), end, exceptId == null ? -1L : exceptId)
                .stream().anyMatch(a -> a.endsAt().isAfter(start));
    }
}
