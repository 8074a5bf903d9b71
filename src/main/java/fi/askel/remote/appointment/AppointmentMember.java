package fi.askel.remote.appointment;

import fi.askel.common.db.IdList;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A client in a group session, with the period the session belongs to for them. */
@Entity
@Table(name = "remote_appointment_member")
@IdClass(AppointmentMember.Key.class)
public class AppointmentMember extends PanacheEntityBase {

    public static class Key implements Serializable {
        public Long appointmentId;
        public Long clientId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(appointmentId, k.appointmentId) && Objects.equals(clientId, k.clientId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(appointmentId, clientId);
        }
    }

    @Id
    @Column(name = "appointment_id")
    public Long appointmentId;

    @Id
    @Column(name = "client_id")
    public Long clientId;

    @Column(name = "period_id")
    public Long periodId;

    @Column(name = "joined_at")
    public Instant joinedAt;

    public static List<Long> listClientIds(Long appointmentId) {
        return find("select m.clientId from AppointmentMember m where m.appointmentId = ?1 order by m.clientId", appointmentId)
                .project(Long.class).list();
    }

    /**
     * The clients of each of these group sessions, by appointment id. A projection, not entities: a query for this
     * entity (its key is two columns) is translated again at every execution, a projection once.
     */
    public static Map<Long, List<Long>> clientIdsByAppointment(Collection<Long> appointmentIds) {
        if (appointmentIds.isEmpty()) {
            return Map.of();
        }
        IdList in = IdList.of(appointmentIds, 1);
        Map<Long, List<Long>> members = new HashMap<>();
        in.bind(getEntityManager().createQuery("select m.appointmentId, m.clientId from AppointmentMember m where "
                        + in.in("m.appointmentId") + " order by m.appointmentId, m.clientId", Object[].class)).getResultList()
                .forEach(r -> members.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((Long) r[1]));
        return members;
    }

    public static List<AppointmentMember> listByAppointments(Collection<Long> appointmentIds) {
        if (appointmentIds.isEmpty()) {
            return List.of();
        }
        IdList in = IdList.of(appointmentIds, 1);
        return list(in.in("appointmentId"), in.after());
    }
}
