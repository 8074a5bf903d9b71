-- What an admin lets a staff member do beyond their role. AUTHORING: build and edit exercise modules in the
-- browser (issue 13). A capability, not a role: the specialist stays a specialist for everything else.
CREATE TABLE user_capability (
    user_id    BIGINT       NOT NULL,
    capability VARCHAR(32)  NOT NULL,
    granted_by BIGINT       NULL,
    granted_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (user_id, capability),
    CONSTRAINT fk_user_capability_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_capability_granted_by FOREIGN KEY (granted_by) REFERENCES app_user (id) ON DELETE SET NULL,
    CONSTRAINT ck_user_capability CHECK (capability IN ('AUTHORING'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A module being written in the browser. definition is the module.yaml as a JSON tree (every value as typed,
-- each step's Markdown text under its "body"), which the loader checks as it checks files. A draft starts new or
-- as a copy of a stored module version (based_on_*). Publishing (a later slice) turns a draft into a new
-- immutable content_module_version row of the same slug and records it in published_version; status then moves
-- DRAFT -> IN_REVIEW -> PUBLISHED. revision counts saves, so a save made on an older page is refused, not lost.
-- Authors are staff accounts: created_by/updated_by keep the id even if such an account were ever removed.
CREATE TABLE content_draft (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    slug              VARCHAR(64)  NOT NULL,
    status            VARCHAR(16)  NOT NULL DEFAULT 'DRAFT',
    based_on_slug     VARCHAR(64)  NULL,
    based_on_version  INT          NULL,
    published_version INT          NULL,
    definition        LONGTEXT     NOT NULL,
    revision          INT          NOT NULL DEFAULT 0,
    created_by        BIGINT       NOT NULL,
    created_at        TIMESTAMP(3) NOT NULL,
    updated_by        BIGINT       NOT NULL,
    updated_at        TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_content_draft_based_on FOREIGN KEY (based_on_slug, based_on_version)
        REFERENCES content_module_version (slug, version),
    CONSTRAINT ck_content_draft_status CHECK (status IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_content_draft_status ON content_draft (status, updated_at);
