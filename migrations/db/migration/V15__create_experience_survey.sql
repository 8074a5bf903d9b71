-- The client experience survey (Kela: remote rehabilitation works for the client and helps their
-- rehabilitation, they can trust the staff's competence and the data security, they get the guidance and
-- support they need), asked at the mid-point and at the end of a period. One answer per period and phase.
-- An erased client's answers stay for the provider's aggregate with client, period and free text removed
-- (client_id and period_id NULL), so the unique key lets any number of anonymised rows exist.
CREATE TABLE survey_answer (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    client_id          BIGINT        NULL,
    period_id          BIGINT        NULL,
    phase              VARCHAR(16)   NOT NULL,
    service_type       VARCHAR(32)   NOT NULL,
    works_for_me       INT           NOT NULL,
    helps_rehab        INT           NOT NULL,
    trust_competence   INT           NOT NULL,
    trust_security     INT           NOT NULL,
    guidance_support   INT           NOT NULL,
    technical          VARCHAR(8)    NOT NULL,
    problem_picture    BOOLEAN       NOT NULL DEFAULT FALSE,
    problem_sound      BOOLEAN       NOT NULL DEFAULT FALSE,
    problem_connection BOOLEAN       NOT NULL DEFAULT FALSE,
    problem_sign_in    BOOLEAN       NOT NULL DEFAULT FALSE,
    problem_exercises  BOOLEAN       NOT NULL DEFAULT FALSE,
    problem_other      BOOLEAN       NOT NULL DEFAULT FALSE,
    free_text          VARCHAR(2000) NULL,
    answered_at        TIMESTAMP(3)  NOT NULL,
    updated_at         TIMESTAMP(3)  NOT NULL,
    version            INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_survey_answer_period_phase UNIQUE (period_id, phase),
    CONSTRAINT fk_survey_answer_client FOREIGN KEY (client_id) REFERENCES app_user (id),
    CONSTRAINT fk_survey_answer_period FOREIGN KEY (period_id) REFERENCES rehab_period (id),
    CONSTRAINT ck_survey_answer_phase CHECK (phase IN ('MIDPOINT', 'END')),
    CONSTRAINT ck_survey_answer_technical CHECK (technical IN ('NONE', 'SOME', 'MANY')),
    CONSTRAINT ck_survey_answer_scores CHECK (works_for_me BETWEEN 1 AND 5 AND helps_rehab BETWEEN 1 AND 5
        AND trust_competence BETWEEN 1 AND 5 AND trust_security BETWEEN 1 AND 5 AND guidance_support BETWEEN 1 AND 5)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The client's export and the specialist's list read by client.
CREATE INDEX ix_survey_answer_client ON survey_answer (client_id, answered_at);

-- "Not now": the dashboard item stays hidden until hidden_until.
CREATE TABLE survey_postponement (
    period_id    BIGINT       NOT NULL,
    phase        VARCHAR(16)  NOT NULL,
    client_id    BIGINT       NOT NULL,
    hidden_until TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (period_id, phase),
    CONSTRAINT fk_survey_postponement_period FOREIGN KEY (period_id) REFERENCES rehab_period (id),
    CONSTRAINT fk_survey_postponement_client FOREIGN KEY (client_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_survey_postponement_client ON survey_postponement (client_id);
