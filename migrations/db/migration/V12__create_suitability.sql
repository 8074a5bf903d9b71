-- The suitability assessment of remote rehabilitation (Kela: "assess together with the client whether
-- remote rehabilitation suits them"). A specialist responsible for the period records it with the client
-- at the start of the period, and again whenever things change. Rows are only ever added: the newest row
-- of a period is the one that counts, the older ones are its history.
CREATE TABLE remote_suitability_assessment (
    id                     BIGINT        NOT NULL AUTO_INCREMENT,
    period_id              BIGINT        NOT NULL,
    client_id              BIGINT        NOT NULL,
    specialist_id          BIGINT        NOT NULL,
    assessed_at            TIMESTAMP(3)  NOT NULL,
    test_call              VARCHAR(16)   NOT NULL,
    test_call_note         VARCHAR(1000) NULL,
    private_space          VARCHAR(16)   NOT NULL,
    private_space_note     VARCHAR(1000) NULL,
    digital_skills         VARCHAR(24)   NOT NULL,
    hands_on_needed        BOOLEAN       NOT NULL,
    hands_on_note          VARCHAR(1000) NULL,
    client_wish            VARCHAR(24)   NOT NULL,
    interpreter_needed     BOOLEAN       NOT NULL,
    interpreter_language   VARCHAR(60)   NULL,
    client_consented       BOOLEAN       NOT NULL,
    -- The client's own remote-rehabilitation consent as it stood when the assessment was made (null: none).
    consent_notice_version INT           NULL,
    consent_given_at       TIMESTAMP(3)  NULL,
    decision               VARCHAR(24)   NOT NULL,
    reasons                VARCHAR(2000) NULL,
    support_measures       VARCHAR(2000) NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_remote_suitability_period FOREIGN KEY (period_id) REFERENCES rehab_period (id),
    CONSTRAINT fk_remote_suitability_client FOREIGN KEY (client_id) REFERENCES app_user (id),
    CONSTRAINT fk_remote_suitability_specialist FOREIGN KEY (specialist_id) REFERENCES app_user (id),
    CONSTRAINT fk_remote_suitability_notice FOREIGN KEY (consent_notice_version) REFERENCES privacy_notice (version),
    CONSTRAINT ck_remote_suitability_test_call CHECK (test_call IN ('YES', 'NO', 'NOT_YET')),
    CONSTRAINT ck_remote_suitability_space CHECK (private_space IN ('YES', 'NO', 'PARTLY')),
    CONSTRAINT ck_remote_suitability_skills CHECK (digital_skills IN ('INDEPENDENT', 'SOME_HELP', 'MUCH_HELP')),
    CONSTRAINT ck_remote_suitability_wish CHECK (client_wish IN ('WANTS_REMOTE', 'PREFERS_IN_PERSON', 'NO_PREFERENCE')),
    CONSTRAINT ck_remote_suitability_decision CHECK (decision IN ('SUITABLE', 'SUITABLE_WITH_SUPPORT', 'NOT_SUITABLE')),
    -- Valvira: remote service does not suit when hands-on guidance or a physical examination is needed.
    CONSTRAINT ck_remote_suitability_hands_on CHECK (NOT (hands_on_needed AND decision = 'SUITABLE')),
    CONSTRAINT ck_remote_suitability_reasons CHECK (decision = 'SUITABLE' OR reasons IS NOT NULL),
    CONSTRAINT ck_remote_suitability_support CHECK (decision <> 'SUITABLE_WITH_SUPPORT' OR support_measures IS NOT NULL),
    CONSTRAINT ck_remote_suitability_interpreter CHECK (NOT interpreter_needed OR interpreter_language IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The gate (every assignment and booking) reads the newest row of a period; history reads the rest.
CREATE INDEX ix_remote_suitability_period ON remote_suitability_assessment (period_id, id);
-- A client's own page lists their assessments across periods.
CREATE INDEX ix_remote_suitability_client ON remote_suitability_assessment (client_id, id);
