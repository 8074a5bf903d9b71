-- Sign-in through an identification broker (OIDC): which broker identity (the ID token's issuer and
-- subject) belongs to which client account. Made by an admin or the client's specialist, never by
-- matching names or email addresses; an identity with no row here signs nobody in.
CREATE TABLE external_identity (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    issuer      VARCHAR(255) NOT NULL,
    subject     VARCHAR(255) NOT NULL,
    user_id     BIGINT       NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL,
    created_by  BIGINT       NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_external_identity_issuer_subject UNIQUE (issuer, subject),
    CONSTRAINT fk_external_identity_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_external_identity_created_by FOREIGN KEY (created_by) REFERENCES app_user (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The links of one account (listing them, removing them when the account is erased).
CREATE INDEX ix_external_identity_user ON external_identity (user_id);
