package fi.askel.peer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A person's place in a group: moderator (specialist) or member (client, shown by pseudonym). */
@Entity
@Table(name = "peer_member")
public class Member extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "group_id", nullable = false)
    public Long groupId;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(nullable = false)
    public boolean moderator;

    @Column(nullable = false, length = 40)
    public String pseudonym;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    @Column(name = "added_by")
    public Long addedBy;

    @Column(name = "rules_accepted_at")
    public Instant rulesAcceptedAt;

    @Column(name = "removed_at")
    public Instant removedAt;

    @Column(name = "email_digest", nullable = false)
    public boolean emailDigest;

    @Column(name = "digest_sent_at")
    public Instant digestSentAt;

    public boolean isActive() {
        return removedAt == null;
    }

    public static Optional<Member> findByGroupAndUser(Long groupId, Long userId) {
        return find("groupId = ?1 and userId = ?2", groupId, userId).firstResultOptional();
    }

    public static Optional<Member> findByGroupAndPseudonym(Long groupId, String pseudonym) {
        return find("groupId = ?1 and lower(pseudonym) = lower(?2)", groupId, pseudonym).firstResultOptional();
    }

    /** Current members of a group, moderators first. */
    public static List<Member> listActiveByGroup(Long groupId) {
        return list("groupId = ?1 and removedAt is null order by moderator desc, pseudonym", groupId);
    }

    public static List<Member> listModerators(Long groupId) {
        return list("groupId = ?1 and moderator = true and removedAt is null", groupId);
    }

    public static List<Member> listDigestSubscribers() {
        return list("emailDigest = true and removedAt is null order by userId");
    }
}
