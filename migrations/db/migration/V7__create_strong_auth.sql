-- Strong authentication: TOTP second factor, recovery codes, failed-login throttling that holds
-- across instances, and one-time password reset links.

-- A sign-in is FULL, or ENROL: a staff member who signed in with the password only and may do
-- nothing but enrol a second factor (the session becomes FULL when the enrolment is confirmed).
ALTER TABLE auth_session ADD COLUMN scope VARCHAR(8) NOT NULL DEFAULT 'FULL';
ALTER TABLE auth_session ADD CONSTRAINT ck_auth_session_scope CHECK (scope IN ('FULL', 'ENROL'));
-- "failed sign-ins since the previous sign-in" looks up the user's sign-ins by time.
CREATE INDEX ix_auth_session_user_created ON auth_session (user_id, created_at);

-- The TOTP secret of a user, encrypted (AES-GCM, key in the data folder). secret_enc is the confirmed
-- secret (null until the first confirmation); pending_enc is an enrolment waiting for its first code.
-- last_step is the newest time step accepted: a code of that step or an older one never works again.
CREATE TABLE user_totp (
    user_id            BIGINT       NOT NULL,
    secret_enc         VARCHAR(255) NULL,
    confirmed_at       TIMESTAMP(3) NULL,
    pending_enc        VARCHAR(255) NULL,
    pending_started_at TIMESTAMP(3) NULL,
    last_step          BIGINT       NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT fk_user_totp_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One-time recovery codes, kept only as SHA-256 hashes (each has 80 random bits).
CREATE TABLE recovery_code (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    user_id     BIGINT       NOT NULL,
    code_hash   CHAR(64)     NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL,
    used_at     TIMESTAMP(3) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_recovery_code_user_hash UNIQUE (user_id, code_hash),
    CONSTRAINT fk_recovery_code_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Failed sign-in counters, one row per account name (hashed: it may be a typo or someone else's
-- password typed into the wrong field) and per client address. Updated with one upsert each, so
-- every instance sees the same count.
CREATE TABLE login_throttle (
    kind            VARCHAR(8)   NOT NULL,
    key_hash        CHAR(64)     NOT NULL,
    failures        INT          NOT NULL,
    last_failure_at TIMESTAMP(3) NOT NULL,
    locked_until    TIMESTAMP(3) NULL,
    PRIMARY KEY (kind, key_hash),
    CONSTRAINT ck_login_throttle_kind CHECK (kind IN ('ACCOUNT', 'ADDRESS'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_login_throttle_last_failure ON login_throttle (last_failure_at);

-- Failed sign-ins to existing accounts, shown to the owner at their next sign-in.
CREATE TABLE login_failure (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    user_id        BIGINT       NOT NULL,
    attempted_at   TIMESTAMP(3) NOT NULL,
    remote_address VARCHAR(64)  NULL,
    reason         VARCHAR(16)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_login_failure_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT ck_login_failure_reason CHECK (reason IN ('PASSWORD', 'SECOND_FACTOR'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_login_failure_user_time ON login_failure (user_id, attempted_at);
CREATE INDEX ix_login_failure_time ON login_failure (attempted_at);

-- Password reset links an admin sent: the token only as a hash, valid until expires_at, once.
CREATE TABLE password_reset (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    user_id     BIGINT       NOT NULL,
    token_hash  CHAR(64)     NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL,
    created_by  BIGINT       NULL,
    expires_at  TIMESTAMP(3) NOT NULL,
    used_at     TIMESTAMP(3) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_password_reset_token UNIQUE (token_hash),
    CONSTRAINT fk_password_reset_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_password_reset_created_by FOREIGN KEY (created_by) REFERENCES app_user (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_password_reset_user ON password_reset (user_id, used_at);
CREATE INDEX ix_password_reset_expires ON password_reset (expires_at);
