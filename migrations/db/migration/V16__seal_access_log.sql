-- The access log off the request path (issue 16): a staff read now costs one INSERT of an unsealed event
-- (seq, prev_hash and hash NULL) in the request's own transaction, with no lock shared with other requests.
-- A sealer job (fi.askel.privacy.AccessSealer, one at a time across instances) later takes unsealed events
-- in id order and seals them into the hash chain: seq is the place in the chain, given at sealing, so an
-- event that commits late (a lower id after higher ones were sealed) simply gets a later seq.
--
-- Existing events were sealed by the old scheme (id = place in the chain, hash over "askel-access-v1"):
-- they keep their hashes, get seq = id, and access_chain.legacy_seq remembers where that scheme ends so
-- the check verifies them as they were written. The chain continues from their last hash.
ALTER TABLE access_event
    MODIFY id BIGINT NOT NULL AUTO_INCREMENT,
    ADD COLUMN seq BIGINT NULL AFTER id,
    MODIFY prev_hash CHAR(64) NULL,
    MODIFY hash CHAR(64) NULL;

UPDATE access_event SET seq = id;

-- seq is unique (the chain cannot hold two events at one place); the unsealed events (seq NULL) are found
-- through the same index in id order. The unique keys on the hashes go: with unsealed rows they would
-- hold NULLs, and a sealer's duplicate check on a random hash value could take a gap lock next to the
-- NULL entries that requests insert. One sealer at a time and the check keep the chain from forking.
ALTER TABLE access_event
    ADD CONSTRAINT uq_access_event_seq UNIQUE (seq),
    DROP INDEX uq_access_event_hash,
    DROP INDEX uq_access_event_prev_hash;

-- The head of the sealed chain. Only the sealer reads it FOR UPDATE and moves it; requests never touch it.
ALTER TABLE access_chain
    CHANGE last_id last_seq BIGINT NOT NULL,
    ADD COLUMN legacy_seq BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN sealed_at DATETIME(3) NULL;

UPDATE access_chain SET legacy_seq = last_seq WHERE id = 1;
