package fi.askel.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's TOTP second factor: the confirmed secret and/or one waiting for its first code, both encrypted. */
@Entity
@Table(name = "user_totp")
public class UserTotp extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public Long userId;

    @Column(name = "secret_enc", length = 255)
    public String secretEnc;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "pending_enc", length = 255)
    public String pendingEnc;

    @Column(name = "pending_started_at")
    public Instant pendingStartedAt;

    /** The newest time step accepted (login or confirmation); older and equal steps are replays. */
    @Column(name = "last_step")
    public Long lastStep;

    public boolean isEnabled() {
        return secretEnc != null;
    }

    /**
     * Takes the step if it is newer than every step accepted before, in one statement, so two
     * instances given the same code at the same moment cannot both accept it.
     */
    static boolean claimStep(Long userId, long step) {
        return update("lastStep = ?1 where userId = ?2 and (lastStep is null or lastStep < ?1)", step, userId) == 1;
    }
}
