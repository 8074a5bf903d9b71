package fi.askel.rehab;

import fi.askel.common.db.Counts;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A client's rehabilitation period (kuntoutusjakso) and the specialists responsible for it. */
@Entity
@Table(name = "rehab_period")
public class Period extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "client_id", nullable = false)
    public Long clientId;

    @Column(name = "service_type", nullable = false, length = 32)
    public String serviceType;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(name = "peer_group_id")
    public Long peerGroupId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "rehab_period_specialist", joinColumns = @JoinColumn(name = "period_id"))
    @Column(name = "specialist_id", nullable = false)
    public Set<Long> specialistIds = new HashSet<>();

    @Column(name = "created_by", nullable = false)
    public Long createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean isCurrent(LocalDate today) {
        return !today.isBefore(startsOn) && !today.isAfter(endsOn);
    }

    public static List<Period> listByClient(Long clientId) {
        // With their specialists in the same query: the collection is eager, and would otherwise cost one query per period.
        // No "distinct": Hibernate returns each period once anyway, and in SQL it made the database build a temporary table.
        return find("select p from Period p left join fetch p.specialistIds where p.clientId = ?1"
                + " order by p.startsOn desc, p.id desc", clientId).list();
    }

    /** Whether the specialist is responsible for any period of the client. */
    public static boolean isResponsible(Long specialistId, Long clientId) {
        return Counts.of("select count(p) from Period p join p.specialistIds s where p.clientId = ?1 and s = ?2",
                clientId, specialistId) > 0;
    }

    public static boolean existsForClient(Long clientId) {
        return Counts.of("select count(*) from Period where clientId = ?1", clientId) > 0;
    }

    /** Clients with a period the specialist is responsible for. */
    public static List<Long> listClientIdsBySpecialist(Long specialistId) {
        return find("select distinct p.clientId from Period p join p.specialistIds s where s = ?1", specialistId)
                .project(Long.class).list();
    }
}
