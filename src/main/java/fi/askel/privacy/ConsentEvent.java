package fi.askel.privacy;

import fi.askel.common.db.IdList;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** A consent given or withdrawn. Rows are only ever added: the history is the evidence. */
@Entity
@Table(name = "privacy_consent_event")
public class ConsentEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public ConsentKind kind;

    @Column(nullable = false)
    public boolean given;

    @Column(name = "notice_version", nullable = false)
    public Integer noticeVersion;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public Long recordedBy;

    /** Oldest first, as a history is read. */
    public static List<ConsentEvent> listByUser(Long userId) {
        return list("userId = ?1 order by id", userId);
    }

    public static List<ConsentEvent> listByUsers(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        IdList in = IdList.of(userIds, 1);
        return list(in.in("userId") + " order by id", in.after());
    }
}
