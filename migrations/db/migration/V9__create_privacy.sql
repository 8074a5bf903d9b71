-- Privacy: the provider's privacy notice in versions, each client's acknowledgements, consents as an
-- append-only history, erasure requests with what was erased and kept, and accounts flagged as inactive.

-- Every published version of the privacy notice, as it was (fi, sv, en Markdown). Never edited: a
-- change is a new version, and every client acknowledges the newest one before using the service.
CREATE TABLE privacy_notice (
    version       INT          NOT NULL,
    body_fi       MEDIUMTEXT   NOT NULL,
    body_sv       MEDIUMTEXT   NOT NULL,
    body_en       MEDIUMTEXT   NOT NULL,
    change_note   VARCHAR(500) NULL,
    published_at  TIMESTAMP(3) NOT NULL,
    published_by  BIGINT       NULL,
    PRIMARY KEY (version),
    CONSTRAINT fk_privacy_notice_published_by FOREIGN KEY (published_by) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who acknowledged which version, when. Checked on every request of a client (primary key lookup).
CREATE TABLE privacy_acknowledgement (
    user_id          BIGINT       NOT NULL,
    notice_version   INT          NOT NULL,
    acknowledged_at  TIMESTAMP(3) NOT NULL,
    remote_address   VARCHAR(64)  NULL,
    PRIMARY KEY (user_id, notice_version),
    CONSTRAINT fk_privacy_ack_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_privacy_ack_notice FOREIGN KEY (notice_version) REFERENCES privacy_notice (version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Consents as events: each give or withdraw is a new row, never updated, so the history is evidence.
-- The current state of a kind is its newest row.
CREATE TABLE privacy_consent_event (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    user_id         BIGINT       NOT NULL,
    kind            VARCHAR(24)  NOT NULL,
    given           BOOLEAN      NOT NULL,
    notice_version  INT          NOT NULL,
    recorded_at     TIMESTAMP(3) NOT NULL,
    recorded_by     BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_privacy_consent_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_privacy_consent_recorded_by FOREIGN KEY (recorded_by) REFERENCES app_user (id),
    CONSTRAINT fk_privacy_consent_notice FOREIGN KEY (notice_version) REFERENCES privacy_notice (version),
    CONSTRAINT ck_privacy_consent_kind CHECK (kind IN ('REMOTE_REHAB', 'KELA', 'TREATING_PARTY'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_privacy_consent_user ON privacy_consent_event (user_id, kind, id);

-- A client's request to erase their data, and (once an admin or the retention job has processed it)
-- what was erased and what was kept, as JSON [{item, action, count}] localized when shown.
CREATE TABLE privacy_erasure_request (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    user_id       BIGINT        NOT NULL,
    origin        VARCHAR(16)   NOT NULL,
    reason        VARCHAR(2000) NULL,
    requested_at  TIMESTAMP(3)  NOT NULL,
    processed_at  TIMESTAMP(3)  NULL,
    processed_by  BIGINT        NULL,
    result        TEXT          NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_privacy_erasure_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_privacy_erasure_processed_by FOREIGN KEY (processed_by) REFERENCES app_user (id),
    CONSTRAINT ck_privacy_erasure_origin CHECK (origin IN ('CLIENT', 'INACTIVITY'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_privacy_erasure_user ON privacy_erasure_request (user_id, processed_at);
CREATE INDEX ix_privacy_erasure_queue ON privacy_erasure_request (processed_at, requested_at);

-- Client accounts the retention job found inactive; anonymised when still unused after the grace period.
CREATE TABLE privacy_inactive_flag (
    user_id       BIGINT       NOT NULL,
    flagged_at    TIMESTAMP(3) NOT NULL,
    last_seen_at  TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT fk_privacy_inactive_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Retention and erasure cut the link between an anonymised peer post (or thread) and its author.
ALTER TABLE peer_post MODIFY author_id BIGINT NULL;
ALTER TABLE peer_thread MODIFY author_id BIGINT NULL;
-- The retention job's daily scans: old posts still linked to their authors; each client's newest sign-in.
CREATE INDEX ix_peer_post_created ON peer_post (created_at);
CREATE INDEX ix_peer_thread_created ON peer_thread (created_at);
-- (auth_session (user_id, created_at) is indexed by V7: ix_auth_session_user_created.)
