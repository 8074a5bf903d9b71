package fi.askel.remote.days;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One remote-rehabilitation day of a client in a period, as the provider reports it to Kela. Editing
 * keeps who changed it last ({@code updatedBy}, {@code updatedAt}), not earlier versions.
 */
@Entity
@Table(name = "remote_day")
public class RemoteDay extends PanacheEntityBase {

    public enum Content { VIDEO_CALL, ONLINE_EXERCISES, GROUP_SESSION }

    public enum Outcome { ATTENDED, CANCELLED, NO_SHOW }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "client_id", nullable = false)
    public Long clientId;

    @Column(name = "period_id", nullable = false)
    public Long periodId;

    @Column(name = "day_on", nullable = false)
    public LocalDate day;

    @Column(name = "video_call", nullable = false)
    public boolean videoCall;

    @Column(name = "online_exercises", nullable = false)
    public boolean onlineExercises;

    @Column(name = "group_session", nullable = false)
    public boolean groupSession;

    @Column(nullable = false)
    public int minutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Outcome outcome;

    @Column(length = 1000)
    public String note;

    @Column(name = "recorded_by", nullable = false)
    public Long recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "updated_by")
    public Long updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "remote_day_appointment", joinColumns = @JoinColumn(name = "day_id"))
    @Column(name = "appointment_id", nullable = false)
    public Set<Long> appointmentIds = new TreeSet<>();

    @Version
    public int version;

    public Set<Content> content() {
        Set<Content> content = EnumSet.noneOf(Content.class);
        if (videoCall) {
            content.add(Content.VIDEO_CALL);
        }
        if (onlineExercises) {
            content.add(Content.ONLINE_EXERCISES);
        }
        if (groupSession) {
            content.add(Content.GROUP_SESSION);
        }
        return content;
    }

    public void content(Set<Content> content) {
        videoCall = content.contains(Content.VIDEO_CALL);
        onlineExercises = content.contains(Content.ONLINE_EXERCISES);
        groupSession = content.contains(Content.GROUP_SESSION);
    }

    public static List<RemoteDay> listByPeriod(Long periodId) {
        return list("periodId = ?1 order by day", periodId);
    }

    public static List<RemoteDay> listByClient(Long clientId) {
        return list("clientId = ?1 order by day, periodId", clientId);
    }

    public static RemoteDay findByPeriodAndDay(Long periodId, LocalDate day) {
        return find("periodId = ?1 and day = ?2", periodId, day).firstResult();
    }
}
