-- Video-call appointments (remote rehabilitation, Kela's first form): a specialist books a call with one
-- of their clients (INDIVIDUAL: client_id), or a group session with up to six (GROUP: the clients are in
-- remote_appointment_member). What happened in the call is kept as attendance only (who joined, when the
-- specialist and a client were first connected, for how long); no media and no chat reaches the database.
CREATE TABLE remote_appointment (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    kind                 VARCHAR(16)   NOT NULL,
    client_id            BIGINT        NULL,
    peer_group_id        BIGINT        NULL,
    specialist_id        BIGINT        NOT NULL,
    period_id            BIGINT        NULL,
    starts_at            TIMESTAMP(3)  NOT NULL,
    duration_minutes     INT           NOT NULL,
    topic                VARCHAR(200)  NOT NULL,
    note                 VARCHAR(2000) NULL,
    status               VARCHAR(16)   NOT NULL,
    cancelled_at         TIMESTAMP(3)  NULL,
    cancelled_by         BIGINT        NULL,
    cancel_reason        VARCHAR(500)  NULL,
    client_joined_at     TIMESTAMP(3)  NULL,
    specialist_joined_at TIMESTAMP(3)  NULL,
    call_started_at      TIMESTAMP(3)  NULL,
    call_ended_at        TIMESTAMP(3)  NULL,
    call_seconds         INT           NOT NULL DEFAULT 0,
    created_by           BIGINT        NOT NULL,
    created_at           TIMESTAMP(3)  NOT NULL,
    updated_at           TIMESTAMP(3)  NOT NULL,
    version              INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_remote_appointment_client FOREIGN KEY (client_id) REFERENCES app_user (id),
    CONSTRAINT fk_remote_appointment_specialist FOREIGN KEY (specialist_id) REFERENCES app_user (id),
    CONSTRAINT fk_remote_appointment_period FOREIGN KEY (period_id) REFERENCES rehab_period (id) ON DELETE SET NULL,
    CONSTRAINT fk_remote_appointment_created_by FOREIGN KEY (created_by) REFERENCES app_user (id),
    CONSTRAINT fk_remote_appointment_cancelled_by FOREIGN KEY (cancelled_by) REFERENCES app_user (id),
    CONSTRAINT fk_remote_appointment_peer_group FOREIGN KEY (peer_group_id) REFERENCES peer_group (id) ON DELETE SET NULL,
    CONSTRAINT ck_remote_appointment_status CHECK (status IN ('SCHEDULED', 'CANCELLED')),
    CONSTRAINT ck_remote_appointment_kind CHECK ((kind = 'INDIVIDUAL' AND client_id IS NOT NULL)
        OR (kind = 'GROUP' AND client_id IS NULL)),
    CONSTRAINT ck_remote_appointment_duration CHECK (duration_minutes BETWEEN 5 AND 240)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A client's and a specialist's calls in time order (lists, dashboards, overlap checks); the reminder job.
CREATE INDEX ix_remote_appointment_client ON remote_appointment (client_id, starts_at);
CREATE INDEX ix_remote_appointment_specialist ON remote_appointment (specialist_id, starts_at);
CREATE INDEX ix_remote_appointment_status_start ON remote_appointment (status, starts_at);

-- The clients of a group session, each with the period the session belongs to for them and when they joined.
CREATE TABLE remote_appointment_member (
    appointment_id BIGINT       NOT NULL,
    client_id      BIGINT       NOT NULL,
    period_id      BIGINT       NULL,
    joined_at      TIMESTAMP(3) NULL,
    PRIMARY KEY (appointment_id, client_id),
    CONSTRAINT fk_remote_appointment_member_appointment FOREIGN KEY (appointment_id)
        REFERENCES remote_appointment (id) ON DELETE CASCADE,
    CONSTRAINT fk_remote_appointment_member_client FOREIGN KEY (client_id) REFERENCES app_user (id),
    CONSTRAINT fk_remote_appointment_member_period FOREIGN KEY (period_id) REFERENCES rehab_period (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A client's group sessions (lists, dashboards, overlap checks, export).
CREATE INDEX ix_remote_appointment_member_client ON remote_appointment_member (client_id);

-- Reminder emails: each kind (the day before, just before) goes out once per appointment, client and
-- start time, across all instances (the row is claimed before the email is sent).
CREATE TABLE remote_appointment_reminder (
    appointment_id BIGINT       NOT NULL,
    client_id      BIGINT       NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    starts_at      TIMESTAMP(3) NOT NULL,
    sent_at        TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (appointment_id, client_id, kind, starts_at),
    CONSTRAINT fk_remote_appointment_reminder_appointment FOREIGN KEY (appointment_id)
        REFERENCES remote_appointment (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
