-- Pictures an author uploads into a module draft (issue 13, "Attach images"): checked by their bytes (PNG, JPEG, WebP
-- or an inert SVG), stripped of metadata (EXIF, text chunks), at most askel.authoring.image-max-bytes. file_name is
-- what the draft's module.yaml names (unique in its draft); sha256 is of the stored bytes, and its first 16 hex digits
-- name the picture in its URL, so a browser may keep it for good.
-- A published version serves the pictures of the draft that published it (content_draft.published_version, found
-- through ix_content_draft_slug): that draft never changes again, so neither do its pictures. A new draft copied from
-- a published version gets copies of them. created_by keeps the staff account's id as content_draft does.
CREATE TABLE content_draft_image (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    draft_id     BIGINT       NOT NULL,
    file_name    VARCHAR(80)  NOT NULL,
    content_type VARCHAR(32)  NOT NULL,
    bytes        MEDIUMBLOB   NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    width        INT          NOT NULL,
    height       INT          NOT NULL,
    created_by   BIGINT       NOT NULL,
    created_at   TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_content_draft_image_name UNIQUE (draft_id, file_name),
    CONSTRAINT fk_content_draft_image_draft FOREIGN KEY (draft_id) REFERENCES content_draft (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
