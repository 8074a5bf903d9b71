package fi.askel.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * A row of the access log, for reading. Immutable to Hibernate: rows are written only by
 * {@link AccessChain#insert}, and only the sealer ({@link AccessChain#seal}) fills in seq and the hashes once.
 */
@Entity
@Immutable
@Table(name = "access_event")
public class AccessEvent extends PanacheEntityBase {

    @Id
    public Long id;

    /** The place in the hash chain; null until sealed. */
    @Column
    public Long seq;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "actor_id", nullable = false)
    public Long actorId;

    @Column(name = "actor_username", nullable = false, length = 64)
    public String actorUsername;

    @Column(name = "actor_name", nullable = false, length = 120)
    public String actorName;

    @Column(name = "actor_role", nullable = false, length = 16)
    public String actorRole;

    @Column(name = "client_id", nullable = false)
    public Long clientId;

    @Column(nullable = false, length = 32)
    public String kind;

    @Column(nullable = false, length = 32)
    public String purpose;

    @Column(nullable = false, length = 255)
    public String route;

    @Column(name = "remote_address", length = 64)
    public String remoteAddress;

    @Column(name = "prev_hash", length = 64)
    public String prevHash;

    @Column(length = 64)
    public String hash;
}
