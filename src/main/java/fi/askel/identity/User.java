package fi.askel.identity;

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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;

@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 64)
    public String username;

    @Column(name = "display_name", nullable = false, length = 120)
    public String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Role role;

    @Column(nullable = false, length = 2)
    public String locale;

    @Column(length = 254)
    public String email;

    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    /**
     * Display names of these accounts (nulls and repeats ignored) by id. The reader's own name comes from their sign-in,
     * and accounts this transaction has already read are not read again; the rest take one query (none when nothing
     * is left, as on a client's page whose only specialist is the reader).
     */
    public static Map<Long, String> displayNames(Collection<Long> ids, Caller reader) {
        Map<Long, String> names = new HashMap<>();
        Set<Long> wanted = new HashSet<>(ids);
        wanted.remove(null);
        if (reader != null && wanted.remove(reader.id())) {
            names.put(reader.id(), reader.displayName());
        }
        if (!wanted.isEmpty()) {
            getEntityManager().unwrap(Session.class).byMultipleIds(User.class).enableSessionCheck(true)
                    .multiLoad(List.copyOf(wanted)).stream().filter(Objects::nonNull).forEach(u -> names.put(u.id, u.displayName));
        }
        return names;
    }

    /** The accounts with these ids (nulls and repeats ignored) by id, read in one query. */
    public static Map<Long, User> byIds(Collection<Long> ids) {
        Set<Long> wanted = new HashSet<>(ids);
        wanted.remove(null);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        IdList in = IdList.of(wanted, 1);
        return User.<User>list(in.in("id"), in.after()).stream().collect(Collectors.toMap(u -> u.id, Function.identity()));
    }

    public static Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static long countAll() {
        return count();
    }

    public static List<User> listByRole(Role role) {
        return list("role = ?1 order by displayName", role);
    }

    public static List<User> listAllOrdered(int pageIndex, int pageSize) {
        return find("order by role, displayName").page(pageIndex, pageSize).list();
    }
}
