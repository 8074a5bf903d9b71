package fi.askel.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** One capability granted to one account, with who granted it and when. */
@Entity
@Table(name = "user_capability")
public class UserCapability extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "user_id")
        public Long userId;

        @Enumerated(EnumType.STRING)
        @Column(length = 32)
        public Capability capability;

        public Key() {}

        public Key(Long userId, Capability capability) {
            this.userId = userId;
            this.capability = capability;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.userId, userId) && k.capability == capability;
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, capability);
        }
    }

    @EmbeddedId
    public Key id;

    @Column(name = "granted_by")
    public Long grantedBy;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    static List<Long> listHolders(Capability capability, Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return find("id.capability = ?1 and id.userId in ?2", capability, userIds).<UserCapability>list().stream()
                .map(c -> c.id.userId).toList();
    }
}
