-- Publishing a module draft from the browser (issue 13). A published version is a content_module_version row like
-- one loaded from exercises/, but immutable, with who published it and when (both NULL for versions from files).
-- published_by keeps the staff account's id as content_draft.created_by does, without a foreign key.
ALTER TABLE content_module_version
    ADD COLUMN published_by BIGINT       NULL,
    ADD COLUMN published_at TIMESTAMP(3) NULL;

-- Every instance asks "count and newest published_at" every few seconds to notice a version published on another
-- instance: answered from this index alone.
CREATE INDEX ix_content_module_version_published ON content_module_version (published_at);

-- The draft that published a version (to copy a published module into a new draft) and the drafts of a slug.
CREATE INDEX ix_content_draft_slug ON content_draft (slug, published_version);

-- What happened in a draft's review, in order: sent to review, sent back (with what to change), approved. The body is
-- the reviewer's or author's note (required when sent back). Authors are staff ids as in content_draft.
CREATE TABLE content_draft_comment (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    draft_id   BIGINT       NOT NULL,
    kind       VARCHAR(16)  NOT NULL,
    body       TEXT         NULL,
    author_id  BIGINT       NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_content_draft_comment_draft FOREIGN KEY (draft_id) REFERENCES content_draft (id) ON DELETE CASCADE,
    CONSTRAINT ck_content_draft_comment_kind CHECK (kind IN ('SENT', 'RETURNED', 'APPROVED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_content_draft_comment_draft ON content_draft_comment (draft_id, created_at);
