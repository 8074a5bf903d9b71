-- A client's rehabilitation period (kuntoutusjakso) and who is responsible for it.
CREATE TABLE rehab_period (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    client_id      BIGINT       NOT NULL,
    service_type   VARCHAR(32)  NOT NULL,
    starts_on      DATE         NOT NULL,
    ends_on        DATE         NOT NULL,
    peer_group_id  BIGINT       NULL,
    created_by     BIGINT       NOT NULL,
    created_at     TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_rehab_period_client FOREIGN KEY (client_id) REFERENCES app_user (id),
    CONSTRAINT fk_rehab_period_created_by FOREIGN KEY (created_by) REFERENCES app_user (id),
    CONSTRAINT ck_rehab_period_dates CHECK (ends_on >= starts_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_rehab_period_client ON rehab_period (client_id, starts_on);

CREATE TABLE rehab_period_specialist (
    period_id      BIGINT NOT NULL,
    specialist_id  BIGINT NOT NULL,
    PRIMARY KEY (period_id, specialist_id),
    CONSTRAINT fk_rps_period FOREIGN KEY (period_id) REFERENCES rehab_period (id) ON DELETE CASCADE,
    CONSTRAINT fk_rps_specialist FOREIGN KEY (specialist_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_rps_specialist ON rehab_period_specialist (specialist_id, period_id);

-- A module version given to a client, and how far they are with it.
CREATE TABLE assignment (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    client_id        BIGINT       NOT NULL,
    period_id        BIGINT       NOT NULL,
    module_slug      VARCHAR(64)  NOT NULL,
    module_version   INT          NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    opens_on         DATE         NULL,
    due_on           DATE         NULL,
    note             VARCHAR(2000) NULL,
    assigned_by      BIGINT       NOT NULL,
    created_at       TIMESTAMP(3) NOT NULL,
    started_at       TIMESTAMP(3) NULL,
    submitted_at     TIMESTAMP(3) NULL,
    reviewed_at      TIMESTAMP(3) NULL,
    last_activity_at TIMESTAMP(3) NULL,
    version          INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_assignment_client FOREIGN KEY (client_id) REFERENCES app_user (id),
    CONSTRAINT fk_assignment_period FOREIGN KEY (period_id) REFERENCES rehab_period (id),
    CONSTRAINT fk_assignment_assigned_by FOREIGN KEY (assigned_by) REFERENCES app_user (id),
    CONSTRAINT fk_assignment_module FOREIGN KEY (module_slug, module_version) REFERENCES content_module_version (slug, version),
    CONSTRAINT ck_assignment_status CHECK (status IN ('ASSIGNED', 'IN_PROGRESS', 'SUBMITTED', 'APPROVED', 'NEEDS_WORK'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_assignment_client ON assignment (client_id, status);
CREATE INDEX ix_assignment_review_queue ON assignment (status, submitted_at);
CREATE INDEX ix_assignment_period ON assignment (period_id);
CREATE INDEX ix_assignment_due ON assignment (due_on, status);

-- The client's answer to one step; a draft while typing, final when the step is done.
CREATE TABLE step_answer (
    assignment_id  BIGINT       NOT NULL,
    step_key       VARCHAR(64)  NOT NULL,
    answer         LONGTEXT     NOT NULL,
    is_final       BOOLEAN      NOT NULL,
    revision       INT          NOT NULL,
    saved_at       TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (assignment_id, step_key),
    CONSTRAINT fk_step_answer_assignment FOREIGN KEY (assignment_id) REFERENCES assignment (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Exercise log rows, kept apart from the answer text so trends can be read with one indexed query.
CREATE TABLE exercise_log (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    assignment_id  BIGINT       NOT NULL,
    client_id      BIGINT       NOT NULL,
    step_key       VARCHAR(64)  NOT NULL,
    done_on        DATE         NOT NULL,
    sets_done      INT          NULL,
    reps_done      INT          NULL,
    minutes_done   INT          NULL,
    effort         INT          NOT NULL,
    pain           INT          NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_exercise_log_assignment FOREIGN KEY (assignment_id) REFERENCES assignment (id) ON DELETE CASCADE,
    CONSTRAINT ck_exercise_log_effort CHECK (effort BETWEEN 0 AND 10),
    CONSTRAINT ck_exercise_log_pain CHECK (pain BETWEEN 0 AND 10)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_exercise_log_client ON exercise_log (client_id, done_on);
CREATE INDEX ix_exercise_log_step ON exercise_log (assignment_id, step_key);

-- Scored questionnaires (e.g. WHO-5), one row per completed questionnaire step.
CREATE TABLE questionnaire_result (
    assignment_id    BIGINT       NOT NULL,
    step_key         VARCHAR(64)  NOT NULL,
    client_id        BIGINT       NOT NULL,
    instrument       VARCHAR(64)  NOT NULL,
    score            INT          NOT NULL,
    max_score        INT          NOT NULL,
    higher_is_better BOOLEAN      NOT NULL,
    recorded_at      TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (assignment_id, step_key),
    CONSTRAINT fk_questionnaire_result_assignment FOREIGN KEY (assignment_id) REFERENCES assignment (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_questionnaire_result_client ON questionnaire_result (client_id, instrument, recorded_at);

CREATE TABLE review (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    assignment_id  BIGINT        NOT NULL,
    reviewer_id    BIGINT        NOT NULL,
    decision       VARCHAR(16)   NOT NULL,
    comment        VARCHAR(4000) NOT NULL,
    created_at     TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_review_assignment FOREIGN KEY (assignment_id) REFERENCES assignment (id) ON DELETE CASCADE,
    CONSTRAINT fk_review_reviewer FOREIGN KEY (reviewer_id) REFERENCES app_user (id),
    CONSTRAINT ck_review_decision CHECK (decision IN ('APPROVED', 'NEEDS_WORK'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_review_assignment ON review (assignment_id, created_at);

-- Goal Attainment Scaling: goals per client and period, rated at three phases.
CREATE TABLE gas_goal (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    client_id   BIGINT        NOT NULL,
    period_id   BIGINT        NOT NULL,
    title       VARCHAR(300)  NOT NULL,
    weight      INT           NOT NULL,
    level_m2    VARCHAR(1000) NOT NULL,
    level_m1    VARCHAR(1000) NOT NULL,
    level_0     VARCHAR(1000) NOT NULL,
    level_p1    VARCHAR(1000) NOT NULL,
    level_p2    VARCHAR(1000) NOT NULL,
    created_by  BIGINT        NOT NULL,
    created_at  TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_gas_goal_client FOREIGN KEY (client_id) REFERENCES app_user (id),
    CONSTRAINT fk_gas_goal_period FOREIGN KEY (period_id) REFERENCES rehab_period (id),
    CONSTRAINT fk_gas_goal_created_by FOREIGN KEY (created_by) REFERENCES app_user (id),
    CONSTRAINT ck_gas_goal_weight CHECK (weight BETWEEN 1 AND 4)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_gas_goal_client ON gas_goal (client_id, period_id);

CREATE TABLE gas_rating (
    goal_id   BIGINT       NOT NULL,
    phase     VARCHAR(16)  NOT NULL,
    score     INT          NOT NULL,
    rated_by  BIGINT       NOT NULL,
    rated_at  TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (goal_id, phase),
    CONSTRAINT fk_gas_rating_goal FOREIGN KEY (goal_id) REFERENCES gas_goal (id) ON DELETE CASCADE,
    CONSTRAINT fk_gas_rating_rated_by FOREIGN KEY (rated_by) REFERENCES app_user (id),
    CONSTRAINT ck_gas_rating_phase CHECK (phase IN ('BASELINE', 'MIDPOINT', 'FINAL')),
    CONSTRAINT ck_gas_rating_score CHECK (score BETWEEN -2 AND 2)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
