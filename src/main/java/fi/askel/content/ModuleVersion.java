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

    public static List<ModuleVersion> listAllVersions() {
        return listAll();
    }
}
