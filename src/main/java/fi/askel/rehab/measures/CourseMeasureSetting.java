package fi.askel.rehab.measures;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A course's start and end measures as an admin saved them once. Never edited: a change is a new row, so the rows
 * of a service type are also the record of who changed its measures and when; the newest one applies.
 */
@Entity
@Table(name = "course_measure_setting")
public class CourseMeasureSetting extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "service_type", nullable = false, length = 32)
    public String serviceType;

    /** Module slugs separated by commas, in the admin's order. */
    @Column(name = "start_modules", nullable = false, length = 1000)
    public String startModules;

    @Column(name = "end_modules", nullable = false, length = 1000)
    public String endModules;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    public Long changedBy;

    public List<String> start() {
        return split(startModules);
    }

    public List<String> end() {
        return split(endModules);
    }

    static String join(List<String> slugs) {
        return String.join(",", slugs);
    }

    private static List<String> split(String slugs) {
        return slugs.isEmpty() ? List.of() : Arrays.asList(slugs.split(","));
    }

    /** What applies to periods of the service type now (empty: the admin has not set any). */
    public static Optional<CourseMeasureSetting> findCurrent(String serviceType) {
        return find("serviceType = ?1 order by id desc", serviceType).firstResultOptional();
    }

    /** Every save, newest first: the current setting of each service type and the history behind it. */
    static List<CourseMeasureSetting> listNewestFirst() {
        return list("order by id desc");
    }
}
