package fi.askel.peer;

import fi.askel.common.db.Counts;
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
import java.util.Optional;

/** An entry in the moderators' queue: a member's report, or an automatic distress alert. */
@Entity
@Table(name = "peer_report")
public class Report extends PanacheEntityBase {

    /** Sorted by name in the queue: DISTRESS before REPORT. */
    public enum Kind { REPORT, DISTRESS }

    public enum Resolution { HIDDEN, DISMISSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "group_id", nullable = false)
    public Long groupId;

    @Column(name = "post_id", nullable = false)
    public Long postId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Kind kind;

    /** Null for distress alerts. */
    @Column(name = "reporter_id")
    public Long reporterId;

    @Column(length = 500)
    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public Long resolvedBy;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    public Resolution resolution;

    public static List<Report> listOpenByGroups(Collection<Long> groupIds) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        IdList in = IdList.of(groupIds, 1);
        return list(in.in("groupId") + " and resolvedAt is null order by kind, id", in.after());
    }

    public static List<Report> listOpenByPost(Long postId) {
        return list("postId = ?1 and resolvedAt is null", postId);
    }

    public static Optional<Report> findByPostAndReporter(Long postId, Long reporterId) {
        return find("postId = ?1 and kind = ?2 and reporterId = ?3", postId, Kind.REPORT, reporterId).firstResultOptional();
    }

    public static long countOpenByGroup(Long groupId) {
        return Counts.of("select count(*) from Report where groupId = ?1 and resolvedAt is null", groupId);
    }
}
