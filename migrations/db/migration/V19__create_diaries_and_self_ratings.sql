-- Diary entries (sleep diary, blood-glucose log, weekly check-in), copied from the diary step's answer as
-- exercise_log is, so the specialist's charts read one client's entries with one indexed query. The answer
-- (step_answer) stays the record; these rows are replaced with it on every save.
CREATE TABLE diary_entry (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    assignment_id  BIGINT       NOT NULL,
    client_id      BIGINT       NOT NULL,
    step_key       VARCHAR(64)  NOT NULL,
    log_kind       VARCHAR(32)  NOT NULL,
    entry_key      VARCHAR(32)  NOT NULL,
    entry_on       DATE         NOT NULL,
    entry          LONGTEXT     NOT NULL,
    saved_at       TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_diary_entry_key UNIQUE (assignment_id, step_key, entry_key),
    CONSTRAINT fk_diary_entry_assignment FOREIGN KEY (assignment_id) REFERENCES assignment (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_diary_entry_client ON diary_entry (client_id, log_kind, entry_on);

-- A client's own rating of a GAS goal at the midpoint and the end, shown beside the specialist's (gas_rating, which
-- alone makes the T-score). One per goal and phase; rating again replaces it.
CREATE TABLE gas_self_rating (
    goal_id   BIGINT       NOT NULL,
    phase     VARCHAR(16)  NOT NULL,
    score     INT          NOT NULL,
    rated_at  TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (goal_id, phase),
    CONSTRAINT fk_gas_self_rating_goal FOREIGN KEY (goal_id) REFERENCES gas_goal (id) ON DELETE CASCADE,
    CONSTRAINT ck_gas_self_rating_phase CHECK (phase IN ('MIDPOINT', 'FINAL')),
    CONSTRAINT ck_gas_self_rating_score CHECK (score BETWEEN -2 AND 2)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
