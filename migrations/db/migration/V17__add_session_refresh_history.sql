-- A spent refresh token is remembered (as its hash) so that its reuse can be recognised as theft and
-- end the sign-in; refreshed_at tells a reuse from two requests of one browser racing to refresh.
ALTER TABLE auth_session
    ADD COLUMN previous_refresh_hash CHAR(64)     NULL,
    ADD COLUMN refreshed_at          TIMESTAMP(3) NULL,
    ADD INDEX ix_auth_session_previous_refresh (previous_refresh_hash);
