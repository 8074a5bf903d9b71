package fi.askel.remote.suitability;

import fi.askel.common.db.IdList;
import fi.askel.remote.suitability.Choices.ClientWish;
import fi.askel.remote.suitability.Choices.Decision;
import fi.askel.remote.suitability.Choices.DigitalSkills;
import fi.askel.remote.suitability.Choices.PrivateSpace;
import fi.askel.remote.suitability.Choices.TestCall;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One assessment, made with the client, of whether remote rehabilitation suits them in a period. Rows are
 * only ever added (a reassessment is a new row); the newest row of a period counts.
 */
@Entity
@Table(name = "remote_suitability_assessment")
public class SuitabilityAssessment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "period_id", nullable = false, updatable = false)
    public Long periodId;

    @Column(name = "client_id", nullable = false, updatable = false)
    public Long clientId;

    @Column(name = "specialist_id", nullable = false, updatable = false)
    public Long specialistId;

    @Column(name = "assessed_at", nullable = false, updatable = false)
    public Instant assessedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "test_call", nullable = false, updatable = false, length = 16)
    public TestCall testCall;

    @Column(name = "test_call_note", updatable = false, length = 1000)
    public String testCallNote;

    @Enumerated(EnumType.STRING)
    @Column(name = "private_space", nullable = false, updatable = false, length = 16)
    public PrivateSpace privateSpace;

    @Column(name = "private_space_note", updatable = false, length = 1000)
    public String privateSpaceNote;

    @Enumerated(EnumType.STRING)
    @Column(name = "digital_skills", nullable = false, updatable = false, length = 24)
    public DigitalSkills digitalSkills;

    @Column(name = "hands_on_needed", nullable = false, updatable = false)
    public boolean handsOnNeeded;

    @Column(name = "hands_on_note", updatable = false, length = 1000)
    public String handsOnNote;

    @Enumerated(EnumType.STRING)
    @Column(name = "client_wish", nullable = false, updatable = false, length = 24)
    public ClientWish clientWish;

    @Column(name = "interpreter_needed", nullable = false, updatable = false)
    public boolean interpreterNeeded;

    @Column(name = "interpreter_language", updatable = false, length = 60)
    public String interpreterLanguage;

    @Column(name = "client_consented", nullable = false, updatable = false)
    public boolean clientConsented;

    @Column(name = "consent_notice_version", updatable = false)
    public Integer consentNoticeVersion;

    @Column(name = "consent_given_at", updatable = false)
    public Instant consentGivenAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 24)
    public Decision decision;

    @Column(updatable = false, length = 2000)
    public String reasons;

    @Column(name = "support_measures", updatable = false, length = 2000)
    public String supportMeasures;

    /** The period's assessments, newest first. */
    public static List<SuitabilityAssessment> listByPeriod(Long periodId) {
        return list("periodId = ?1 order by id desc", periodId);
    }

    public static Optional<SuitabilityAssessment> findLatestByPeriod(Long periodId) {
        return find("periodId = ?1 order by id desc", periodId).firstResultOptional();
    }

    /** The newest assessment of each period named (one query; periods without one are missing). */
    public static List<SuitabilityAssessment> listLatestByPeriods(Collection<Long> periodIds) {
        if (periodIds.isEmpty()) {
            return List.of();
        }
        IdList in = IdList.of(periodIds, 1);
        return list("id in (select max(s.id) from SuitabilityAssessment s where " + in.in("s.periodId") + " group by s.periodId)",
                in.after());
    }

    /** A client's assessments over all their periods, newest first. */
    public static List<SuitabilityAssessment> listByClient(Long clientId) {
        return list("clientId = ?1 order by id desc", clientId);
    }
}
