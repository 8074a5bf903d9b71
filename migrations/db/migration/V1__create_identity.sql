CREATE TABLE app_user (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    username       VARCHAR(64)  NOT NULL,
    display_name   VARCHAR(120) NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    locale         VARCHAR(2)   NOT NULL,
    email          VARCHAR(254) NULL,
    password_hash  VARCHAR(100) NOT NULL,
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMP(3) NOT NULL,
    created_by     BIGINT       NULL,
    updated_at     TIMESTAMP(3) NOT NULL,
    version        INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_app_user_username UNIQUE (username),
    CONSTRAINT fk_app_user_created_by FOREIGN KEY (created_by) REFERENCES app_user (id),
    CONSTRAINT ck_app_user_role CHECK (role IN ('CLIENT', 'SPECIALIST', 'ADMIN')),
    CONSTRAINT ck_app_user_locale CHECK (locale IN ('fi', 'sv', 'en'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_app_user_role ON app_user (role, display_name);

-- One row per sign-in. Access tokens name their session (claim "sid"); a request is accepted only
-- while its session is neither revoked nor expired, so logging out takes effect at once on every instance.
CREATE TABLE auth_session (
    id             CHAR(36)     NOT NULL,
    user_id        BIGINT       NOT NULL,
    refresh_hash   CHAR(64)     NOT NULL,
    created_at     TIMESTAMP(3) NOT NULL,
    expires_at     TIMESTAMP(3) NOT NULL,
    last_used_at   TIMESTAMP(3) NOT NULL,
    revoked_at     TIMESTAMP(3) NULL,
    user_agent     VARCHAR(255) NULL,
    remote_address VARCHAR(64)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_auth_session_refresh UNIQUE (refresh_hash),
    CONSTRAINT fk_auth_session_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_auth_session_user ON auth_session (user_id, revoked_at);
