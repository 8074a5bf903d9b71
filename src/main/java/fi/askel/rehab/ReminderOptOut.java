package fi.askel.rehab;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A client who asked for no reminder emails. */
@Entity
@Table(name = "reminder_opt_out")
public class ReminderOptOut extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public Long clientId;

    @Column(name = "opted_out_at", nullable = false)
    public Instant optedOutAt;
}
