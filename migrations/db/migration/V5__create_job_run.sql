-- Scheduled jobs that must run once across all instances (fi.askel.common.JobLock): the first
-- instance to insert (name, run_date) runs the job; the others find the key taken and skip.
CREATE TABLE job_run (
    name        VARCHAR(64)  NOT NULL,
    run_date    DATE         NOT NULL,
    started_at  TIMESTAMP(3) NOT NULL,
    finished_at TIMESTAMP(3) NULL,
    instance    VARCHAR(120) NULL,
    PRIMARY KEY (name, run_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
