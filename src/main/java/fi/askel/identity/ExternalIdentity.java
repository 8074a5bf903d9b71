package fi.askel.identity;

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

/**
 * A broker identity (the ID token's issuer and subject) linked to a client account: signing in through
 * the broker with it signs that client in. Compared exactly, case and all, as OIDC compares them.
 */
@Entity
@Table(name = "external_identity")
public class ExternalIdentity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 255)
    public String issuer;

    @Column(nullable = false, length = 255)
    public String subject;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public Long createdBy;

    public static Optional<ExternalIdentity> findLink(String issuer, String subject) {
        return find("issuer = ?1 and subject = ?2", issuer, subject).firstResultOptional();
    }

    public static List<ExternalIdentity> listByUser(Long userId) {
        return list("userId = ?1 order by createdAt, id", userId);
    }
}
