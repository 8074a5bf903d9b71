package fi.askel.content.authoring;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A module being written in the browser (V18__create_authoring.sql). */
@Entity
@Table(name = "content_draft")
public class Draft extends PanacheEntityBase {

    /** Where a draft is on its way to clients (ReviewService): written, locked for review, published as a version. */
    public enum Status { DRAFT, IN_REVIEW, PUBLISHED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 64)
    public String slug;

    @Column(nullable = false, length = 16)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status = Status.DRAFT;

    @Column(name = "based_on_slug", length = 64)
    public String basedOnSlug;

    @Column(name = "based_on_version")
    public Integer basedOnVersion;

    @Column(name = "published_version")
    public Integer publishedVersion;

    /** module.yaml as a JSON tree with each step's text (DraftTree). */
    @Column(nullable = false, columnDefinition = "LONGTEXT")
    public String definition;

    /** The translations older than their Finnish text: a JSON list of draft paths (OutdatedTranslations). */
    @Column(columnDefinition = "TEXT")
    public String outdated;

    /** Raised by every save; a form carries the one it was made from. */
    @Column(nullable = false)
    public int revision;

    @Column(name = "created_by", nullable = false)
    public Long createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_by", nullable = false)
    public Long updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The draft that published a version of a module; empty for a version from the files. */
    static java.util.Optional<Draft> findPublisher(String slug, int version) {
        return find("slug = ?1 and publishedVersion = ?2", slug, version).firstResultOptional();
    }

    /** Who wrote each published version of a module: the draft's id, version, creator and last editor (one query). */
    public record Publisher(Long draftId, Integer version, Long createdBy, Long updatedBy) {}

    static List<Publisher> listPublishers(String slug) {
        return getEntityManager().createQuery("select d.id, d.publishedVersion, d.createdBy, d.updatedBy from Draft d"
                + " where d.slug = ?1 and d.publishedVersion is not null", Publisher.class).setParameter(1, slug).getResultList();
    }

    static List<Draft> listOpen() {
        return list("status <> ?1 order by updatedAt desc", Status.PUBLISHED);
    }

    /** The version the editor checks the draft as: one above the module it copies, else 1 (publishing counts again). */
    String nextVersion() {
        return String.valueOf(basedOnVersion == null ? 1 : basedOnVersion + 1);
    }
}
