package fi.askel.content;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A stored snapshot of one module version (see V2__create_module_versions.sql). */
@Entity
@Table(name = "content_module_version")
public class ModuleVersion extends PanacheEntityBase {

    @Embeddable
    public static class Id implements Serializable {
        public String slug;
        public int version;

        public Id() {}

        public Id(String slug, int version) {
            this.slug = slug;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other && other.slug.equals(slug) && other.version == version;
        }

        @Override
        public int hashCode() {
            return slug.hashCode() * 31 + version;
        }
    }

    @EmbeddedId
    public Id id;

    /** Hash of the steps' structure (keys, types, ranges, options): texts may be corrected in place, structure may not. */
    @Column(name = "structure_hash", nullable = false, length = 64)
    public String structureHash;

    @Column(nullable = false, columnDefinition = "LONGTEXT")
    public String definition;

    @Column(name = "first_loaded_at", nullable = false)
    public Instant firstLoadedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Who published this version in the browser; null for a version loaded from exercises/ (V21). */
    @Column(name = "published_by")
    public Long publishedBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** The Askel release that first loaded this version from exercises/; null when published or loaded earlier (V23). */
    @Column(name = "shipped_with", length = 32)
    public String shippedWith;

    /** A version as its history shows it, without its snapshot. */
    public record Entry(Integer version, Long publishedBy, Instant publishedAt, Instant firstLoadedAt, String shippedWith) {}

    /** Every stored version of a module, newest first, without the snapshots (one query). */
    public static List<Entry> listHistory(String slug) {
        return getEntityManager().createQuery("select v.id.version, v.publishedBy, v.publishedAt,"
                + " v.firstLoadedAt, v.shippedWith from ModuleVersion v"
                + " where v.id.slug = ?1 order by v.id.version desc", Entry.class).setParameter(1, slug).getResultList();
    }

    public static List<ModuleVersion> listAllVersions() {
        return listAll();
    }

    /** Every stored version of a module, newest first. */
    public static List<ModuleVersion> listBySlug(String slug) {
        return list("id.slug = ?1 order by id.version desc", slug);
    }

    /** The highest stored version of a module, 0 when none is stored. */
    public static int maxVersion(String slug) {
        Integer max = getEntityManager().createQuery("select max(v.id.version) from ModuleVersion v where v.id.slug = ?1",
                Integer.class).setParameter(1, slug).getSingleResult();
        return max == null ? 0 : max;
    }

    /**
     * What changes when any instance publishes: how many versions were published and when the last one was. Answered
     * from an index, so every instance can ask it every few seconds.
     */
    static String publishedStamp() {
        Object[] row = getEntityManager().createQuery(
                "select count(v), max(v.publishedAt) from ModuleVersion v where v.publishedAt is not null", Object[].class)
                .getSingleResult();
        return row[0] + "/" + row[1];
    }

    /** The newest version published in the browser, per module. */
    static List<Id> newestPublished() {
        return getEntityManager().createQuery("select v.id.slug, max(v.id.version) from ModuleVersion v"
                + " where v.publishedAt is not null group by v.id.slug", Object[].class)
                .getResultStream().map(r -> new Id((String) r[0], ((Number) r[1]).intValue())).toList();
    }
}
