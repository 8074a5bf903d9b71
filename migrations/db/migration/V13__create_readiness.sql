-- Provider readiness (Kela's conditions for remote rehabilitation): a checklist the admin keeps, each
-- item with an owner, evidence and review dates, every saved review kept as history; the client-facing
-- instructions and support contacts the admin edits; and which admin got the overdue email on which day.

-- One condition. Standard items carry a code (their title and explanation come from the message
-- bundles, so they read in every language and are seeded once); the provider's own items carry a title.
CREATE TABLE readiness_item (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    code             VARCHAR(40)   NULL,
    title            VARCHAR(200)  NULL,
    position         INT           NOT NULL,
    owner_id         BIGINT        NULL,
    evidence         VARCHAR(4000) NULL,
    last_reviewed_on DATE          NULL,
    next_review_on   DATE          NOT NULL,
    created_at       TIMESTAMP(3)  NOT NULL,
    updated_at       TIMESTAMP(3)  NOT NULL,
    updated_by       BIGINT        NULL,
    version          INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_readiness_item_code UNIQUE (code),
    CONSTRAINT fk_readiness_item_owner FOREIGN KEY (owner_id) REFERENCES app_user (id),
    CONSTRAINT fk_readiness_item_updated_by FOREIGN KEY (updated_by) REFERENCES app_user (id),
    CONSTRAINT ck_readiness_item_named CHECK (code IS NOT NULL OR title IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The overdue check (dashboard, daily email) and the checklist order.
CREATE INDEX ix_readiness_item_next_review ON readiness_item (next_review_on);
CREATE INDEX ix_readiness_item_position ON readiness_item (position, id);

-- Every save of an item as it was then: who reviewed, when, what evidence, when next. Never edited.
CREATE TABLE readiness_review (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    item_id          BIGINT        NOT NULL,
    owner_id         BIGINT        NULL,
    evidence         VARCHAR(4000) NULL,
    last_reviewed_on DATE          NULL,
    next_review_on   DATE          NOT NULL,
    recorded_at      TIMESTAMP(3)  NOT NULL,
    recorded_by      BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_readiness_review_item FOREIGN KEY (item_id) REFERENCES readiness_item (id) ON DELETE CASCADE,
    CONSTRAINT fk_readiness_review_owner FOREIGN KEY (owner_id) REFERENCES app_user (id),
    CONSTRAINT fk_readiness_review_recorded_by FOREIGN KEY (recorded_by) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_readiness_review_item ON readiness_review (item_id, recorded_at);

-- The admin's own client-facing texts, per language; a missing row means the configured default.
CREATE TABLE readiness_text (
    field      VARCHAR(32)   NOT NULL,
    lang       CHAR(2)       NOT NULL,
    body       VARCHAR(4000) NOT NULL,
    updated_at TIMESTAMP(3)  NOT NULL,
    updated_by BIGINT        NULL,
    PRIMARY KEY (field, lang),
    CONSTRAINT fk_readiness_text_updated_by FOREIGN KEY (updated_by) REFERENCES app_user (id),
    CONSTRAINT ck_readiness_text_field CHECK (field IN ('SUPPORT_PHONE', 'SUPPORT_EMAIL', 'SUPPORT_HOURS',
        'EMERGENCY_INSTRUCTIONS', 'TECHNICAL_INSTRUCTIONS')),
    CONSTRAINT ck_readiness_text_lang CHECK (lang IN ('fi', 'sv', 'en'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The overdue email: one per admin per day across all instances (the row is claimed before sending).
CREATE TABLE readiness_overdue_mail (
    user_id BIGINT       NOT NULL,
    sent_on DATE         NOT NULL,
    sent_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (user_id, sent_on),
    CONSTRAINT fk_readiness_overdue_mail_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
