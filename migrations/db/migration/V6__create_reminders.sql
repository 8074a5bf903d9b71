-- Reminder emails: each event (an assignment due soon, a stretch of inactivity) is emailed once.
CREATE TABLE reminder_sent (
    assignment_id  BIGINT       NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    event_key      VARCHAR(32)  NOT NULL,
    sent_at        TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (assignment_id, kind, event_key),
    CONSTRAINT fk_reminder_sent_assignment FOREIGN KEY (assignment_id) REFERENCES assignment (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Clients who asked for no reminder emails (the link in every reminder).
CREATE TABLE reminder_opt_out (
    client_id    BIGINT       NOT NULL,
    opted_out_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (client_id),
    CONSTRAINT fk_reminder_opt_out_client FOREIGN KEY (client_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Secrets every instance must share (e.g. the key that signs opt-out links), made once.
CREATE TABLE app_secret (
    name   VARCHAR(64)  NOT NULL,
    value  VARCHAR(128) NOT NULL,
    PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_assignment_activity ON assignment (status, last_activity_at);
