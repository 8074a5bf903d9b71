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

/** A failed sign-in to an existing account, shown to its owner at the next sign-in. */
@Entity
@Table(name = "login_failure")
public class LoginFailure extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    @Column(name = "remote_address", length = 64)
    public String remoteAddress;

    @Column(nullable = false, length = 16)
    public String reason;

    /** Failures after {@code after} (all when null) and before {@code before}, newest first, at most 50. */
    static List<LoginFailure> listBetween(Long userId, Instant after, Instant before) {
        return after == null
                ? find("userId = ?1 and attemptedAt < ?2 order by attemptedAt desc", userId, before).page(0, 50).list()
                : find("userId = ?1 and attemptedAt > ?2 and attemptedAt < ?3 order by attemptedAt desc", userId, after, before)
                        .page(0, 50).list();
    }
}
