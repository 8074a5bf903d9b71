package fi.askel.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One published version of the privacy notice, in the three languages. Never changed once published. */
@Entity
@Table(name = "privacy_notice")
public class PrivacyNotice extends PanacheEntityBase {

    @Id
    public Integer version;

    @Column(name = "body_fi", nullable = false, columnDefinition = "MEDIUMTEXT")
    public String bodyFi;

    @Column(name = "body_sv", nullable = false, columnDefinition = "MEDIUMTEXT")
    public String bodySv;

    @Column(name = "body_en", nullable = false, columnDefinition = "MEDIUMTEXT")
    public String bodyEn;

    @Column(name = "change_note", length = 500)
    public String changeNote;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "published_by")
    public Long publishedBy;

    public String body(String lang) {
        if ("sv".equals(lang)) {
            return bodySv;
        }
        return "en".equals(lang) ? bodyEn : bodyFi;
    }

    public static Optional<PrivacyNotice> findCurrent() {
        return find("order by version desc").firstResultOptional();
    }

    public static List<PrivacyNotice> listNewestFirst() {
        return list("order by version desc");
    }
}
