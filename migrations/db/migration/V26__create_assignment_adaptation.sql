-- Per-client adaptation of an assigned module (issue 13): the specialist skips steps, changes an exercise's dose
-- or adds a personal note for this one client, without forking the module (module versions stay as they are).
-- One row per adapted assignment; no row: the module as it is. The per-step part is JSON keyed by step key:
-- {"<stepKey>": {"skipped": true, "dose": {"sets": 3, "reps": 8, "minutes": null, "daysPerWeek": 4}, "note": "…"}}
-- (shape and limits checked by rehab.adaptation.Adaptations). Read by assignment id only: the primary key.
CREATE TABLE assignment_adaptation (
    assignment_id  BIGINT        NOT NULL,
    steps          LONGTEXT      NOT NULL,
    note           VARCHAR(2000) NULL,
    changed_by     BIGINT        NOT NULL,
    changed_at     TIMESTAMP(3)  NOT NULL,
    version        INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (assignment_id),
    CONSTRAINT fk_assignment_adaptation_assignment FOREIGN KEY (assignment_id) REFERENCES assignment (id) ON DELETE CASCADE,
    CONSTRAINT fk_assignment_adaptation_changed_by FOREIGN KEY (changed_by) REFERENCES app_user (id),
    CONSTRAINT ck_assignment_adaptation_steps CHECK (JSON_VALID(steps))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
