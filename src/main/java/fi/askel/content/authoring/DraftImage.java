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
import java.util.Optional;

/** A picture uploaded into a module draft (V25__create_draft_images.sql); a published version serves its draft's. */
@Entity
@Table(name = "content_draft_image")
public class DraftImage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "draft_id", nullable = false)
    public Long draftId;

    @Column(name = "file_name", nullable = false, length = 80)
    public String fileName;

    @Column(name = "content_type", nullable = false, length = 32)
    public String contentType;

    @Column(nullable = false, columnDefinition = "MEDIUMBLOB")
    public byte[] bytes;

    @Column(nullable = false, length = 64)
    public String sha256;

    @Column(nullable = false)
    public int width;

    @Column(nullable = false)
    public int height;

    @Column(name = "created_by", nullable = false)
    public Long createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A draft's picture without its bytes: what checking and linking need. */
    public record Meta(Long id, String fileName, String sha256) {

        /** The part of the hash that names the picture in its URL. */
        String urlHash() {
            return sha256.substring(0, 16);
        }
    }

    /** The draft's pictures, without their bytes (one query). */
    static List<Meta> listMeta(long draftId) {
        return getEntityManager().createQuery("select i.id, i.fileName, i.sha256 from DraftImage i where i.draftId = ?1"
                + " order by i.fileName", Meta.class).setParameter(1, draftId).getResultList();
    }

    static List<DraftImage> listByDraft(long draftId) {
        return list("draftId = ?1 order by fileName", draftId);
    }

    static Optional<DraftImage> findByName(long draftId, String fileName) {
        return find("draftId = ?1 and fileName = ?2", draftId, fileName).firstResultOptional();
    }

    /** A picture of the draft that published version {@code version} of a module (one query, by two indexes). */
    static Optional<DraftImage> findPublished(String slug, int version, String fileName) {
        return getEntityManager().createQuery("select i from DraftImage i, Draft d where d.slug = ?1 and d.publishedVersion = ?2"
                + " and i.draftId = d.id and i.fileName = ?3", DraftImage.class).setParameter(1, slug).setParameter(2, version)
                .setParameter(3, fileName).getResultStream().findFirst();
    }

    static byte[] bytesOf(long id) {
        return getEntityManager().createQuery("select i.bytes from DraftImage i where i.id = ?1", byte[].class)
                .setParameter(1, id).getSingleResult();
    }
}
