-- Remote-rehabilitation days: what the provider reports per client for Kela (rehabilitation allowance
-- and invoicing). One row per client, period and date; the content is one or more of a video call,
-- online exercises and a group session. The row says who recorded it and who changed it last
-- (updated_by/updated_at); earlier versions of an edited day are not kept.
CREATE TABLE remote_day (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    client_id        BIGINT        NOT NULL,
    period_id        BIGINT        NOT NULL,
    day_on           DATE          NOT NULL,
    video_call       BOOLEAN       NOT NULL DEFAULT FALSE,
    online_exercises BOOLEAN       NOT NULL DEFAULT FALSE,
    group_session    BOOLEAN       NOT NULL DEFAULT FALSE,
    minutes          INT           NOT NULL,
    outcome          VARCHAR(16)   NOT NULL,
    note             VARCHAR(1000) NULL,
    recorded_by      BIGINT        NOT NULL,
    recorded_at      TIMESTAMP(3)  NOT NULL,
    updated_by       BIGINT        NULL,
    updated_at       TIMESTAMP(3)  NULL,
    version          INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_remote_day_client_period_day UNIQUE (client_id, period_id, day_on),
    CONSTRAINT fk_remote_day_client FOREIGN KEY (client_id) REFERENCES app_user (id),
    CONSTRAINT fk_remote_day_period FOREIGN KEY (period_id) REFERENCES rehab_period (id),
    CONSTRAINT fk_remote_day_recorded_by FOREIGN KEY (recorded_by) REFERENCES app_user (id),
    CONSTRAINT fk_remote_day_updated_by FOREIGN KEY (updated_by) REFERENCES app_user (id),
    CONSTRAINT ck_remote_day_content CHECK (video_call OR online_exercises OR group_session),
    CONSTRAINT ck_remote_day_minutes CHECK (minutes BETWEEN 0 AND 1440),
    CONSTRAINT ck_remote_day_outcome CHECK (outcome IN ('ATTENDED', 'CANCELLED', 'NO_SHOW'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The period's table, CSV and proposals read by period and date (the unique key starts with the client,
-- so the period gets its own index); the client's own list and the export read by client.
CREATE INDEX ix_remote_day_period_day ON remote_day (period_id, day_on);
CREATE INDEX ix_remote_day_client_day ON remote_day (client_id, day_on);

-- The video calls or group sessions a day was recorded from.
CREATE TABLE remote_day_appointment (
    day_id         BIGINT NOT NULL,
    appointment_id BIGINT NOT NULL,
    PRIMARY KEY (day_id, appointment_id),
    CONSTRAINT fk_remote_day_appointment_day FOREIGN KEY (day_id) REFERENCES remote_day (id) ON DELETE CASCADE,
    CONSTRAINT fk_remote_day_appointment_appointment FOREIGN KEY (appointment_id) REFERENCES remote_appointment (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_remote_day_appointment_appointment ON remote_day_appointment (appointment_id);
