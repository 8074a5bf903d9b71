-- The access log (audit): every read or change of a client's data by someone other than the client.
-- Append-only: the service only ever INSERTs into access_event (fi.askel.privacy.AccessLog); in
-- production the database user should have only SELECT and INSERT on it (README, "Access log").
--
-- Each row carries the hash of the row before it: hash = SHA-256(prev_hash || canonical row), see
-- fi.askel.privacy.AccessChain. Ids are given by the chain, not AUTO_INCREMENT, so they have no gaps.
-- occurred_at is DATETIME(3) holding UTC, not TIMESTAMP: a TIMESTAMP is converted through the session
-- time zone, and a shifted value would read back as a tampered row.
-- No foreign keys to app_user: the log must outlive accounts that are anonymised or removed, and it
-- keeps a snapshot of who the actor was at the time.
CREATE TABLE access_event (
    id              BIGINT       NOT NULL,
    occurred_at     DATETIME(3)  NOT NULL,
    actor_id        BIGINT       NOT NULL,
    actor_username  VARCHAR(64)  NOT NULL,
    actor_name      VARCHAR(120) NOT NULL,
    actor_role      VARCHAR(16)  NOT NULL,
    client_id       BIGINT       NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    purpose         VARCHAR(32)  NOT NULL,
    route           VARCHAR(255) NOT NULL,
    remote_address  VARCHAR(64)  NULL,
    prev_hash       CHAR(64)     NOT NULL,
    hash            CHAR(64)     NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_access_event_hash UNIQUE (hash),
    CONSTRAINT uq_access_event_prev_hash UNIQUE (prev_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_access_event_client ON access_event (client_id, occurred_at);
CREATE INDEX ix_access_event_actor ON access_event (actor_id, occurred_at);
CREATE INDEX ix_access_event_time ON access_event (occurred_at);

-- The head of the chain: one row, locked (SELECT … FOR UPDATE) by every append, so writers on any
-- number of instances append one after another and the chain never forks. The only table the access
-- log updates; the verifier checks that the last event matches it (a removed tail is noticed).
CREATE TABLE access_chain (
    id        TINYINT   NOT NULL,
    last_id   BIGINT    NOT NULL,
    last_hash CHAR(64)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_access_chain_single CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO access_chain (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
