-- Peer support: groups, their members (with a pseudonym per group), discussion threads, posts,
-- earlier versions of edited posts, reports and distress alerts, read markers and notifications.
-- Feature tables are only joined to app_user by foreign key; peer never reads another feature's data.
-- No optimistic version columns: the entities write only the columns they change (@DynamicUpdate) and
-- counters are incremented in SQL, so a moderator hiding a post while its author edits it, or two
-- replies arriving at once, cannot fail or overwrite each other.

CREATE TABLE peer_group (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    name            VARCHAR(120)  NOT NULL,
    description     VARCHAR(2000) NOT NULL,
    -- The group's own rules (Markdown-lite); NULL shows the built-in rules in the reader's language.
    rules           TEXT          NULL,
    created_by      BIGINT        NOT NULL,
    created_at      TIMESTAMP(3)  NOT NULL,
    archived_at     TIMESTAMP(3)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_peer_group_created_by FOREIGN KEY (created_by) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A person in a group. Clients post under their pseudonym; specialists moderate under their own name.
-- A removed member keeps the row (removed_at) so earlier posts still show the same pseudonym.
CREATE TABLE peer_member (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    group_id          BIGINT       NOT NULL,
    user_id           BIGINT       NOT NULL,
    moderator         BOOLEAN      NOT NULL,
    pseudonym         VARCHAR(40)  NOT NULL,
    joined_at         TIMESTAMP(3) NOT NULL,
    added_by          BIGINT       NULL,
    rules_accepted_at TIMESTAMP(3) NULL,
    removed_at        TIMESTAMP(3) NULL,
    email_digest      BOOLEAN      NOT NULL DEFAULT FALSE,
    digest_sent_at    TIMESTAMP(3) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_peer_member_user UNIQUE (group_id, user_id),
    -- Case-insensitive (the collation is): nobody can take a name that looks like someone else's.
    CONSTRAINT uq_peer_member_pseudonym UNIQUE (group_id, pseudonym),
    CONSTRAINT fk_peer_member_group FOREIGN KEY (group_id) REFERENCES peer_group (id),
    CONSTRAINT fk_peer_member_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_peer_member_added_by FOREIGN KEY (added_by) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_peer_member_user ON peer_member (user_id, removed_at);
CREATE INDEX ix_peer_member_digest ON peer_member (email_digest, removed_at);

CREATE TABLE peer_thread (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    group_id         BIGINT       NOT NULL,
    author_id        BIGINT       NOT NULL,
    title            VARCHAR(200) NOT NULL,
    created_at       TIMESTAMP(3) NOT NULL,
    last_activity_at TIMESTAMP(3) NOT NULL,
    post_count       INT          NOT NULL DEFAULT 0,
    pinned           BOOLEAN      NOT NULL DEFAULT FALSE,
    locked_at        TIMESTAMP(3) NULL,
    locked_by        BIGINT       NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_peer_thread_group FOREIGN KEY (group_id) REFERENCES peer_group (id),
    CONSTRAINT fk_peer_thread_author FOREIGN KEY (author_id) REFERENCES app_user (id),
    CONSTRAINT fk_peer_thread_locked_by FOREIGN KEY (locked_by) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The group page: pinned first, then newest activity.
CREATE INDEX ix_peer_thread_activity ON peer_thread (group_id, pinned, last_activity_at, id);

-- The first post of a thread is its body. deleted_at: removed by its author (body emptied);
-- hidden_at: hidden by a moderator, with a reason the author sees.
CREATE TABLE peer_post (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    thread_id     BIGINT       NOT NULL,
    group_id      BIGINT       NOT NULL,
    author_id     BIGINT       NOT NULL,
    reply_to_id   BIGINT       NULL,
    body          TEXT         NOT NULL,
    created_at    TIMESTAMP(3) NOT NULL,
    edited_at     TIMESTAMP(3) NULL,
    deleted_at    TIMESTAMP(3) NULL,
    hidden_at     TIMESTAMP(3) NULL,
    hidden_by     BIGINT       NULL,
    hidden_reason VARCHAR(500) NULL,
    distress      BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    CONSTRAINT fk_peer_post_thread FOREIGN KEY (thread_id) REFERENCES peer_thread (id),
    CONSTRAINT fk_peer_post_group FOREIGN KEY (group_id) REFERENCES peer_group (id),
    CONSTRAINT fk_peer_post_author FOREIGN KEY (author_id) REFERENCES app_user (id),
    CONSTRAINT fk_peer_post_reply_to FOREIGN KEY (reply_to_id) REFERENCES peer_post (id),
    CONSTRAINT fk_peer_post_hidden_by FOREIGN KEY (hidden_by) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Posts of a thread in order; new posts of a group (unread counts, digest); the posting rate limit.
CREATE INDEX ix_peer_post_thread ON peer_post (thread_id, id);
CREATE INDEX ix_peer_post_group ON peer_post (group_id, id);
CREATE INDEX ix_peer_post_author ON peer_post (author_id, created_at);

-- Earlier texts of an edited or removed post, for the group's moderators.
CREATE TABLE peer_post_revision (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    post_id    BIGINT       NOT NULL,
    body       TEXT         NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_peer_post_revision_post FOREIGN KEY (post_id) REFERENCES peer_post (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_peer_post_revision_post ON peer_post_revision (post_id, id);

-- The moderators' queue: reports by members (kind REPORT) and automatic distress alerts (kind DISTRESS).
CREATE TABLE peer_report (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    group_id    BIGINT       NOT NULL,
    post_id     BIGINT       NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    reporter_id BIGINT       NULL,
    reason      VARCHAR(500) NULL,
    created_at  TIMESTAMP(3) NOT NULL,
    resolved_at TIMESTAMP(3) NULL,
    resolved_by BIGINT       NULL,
    resolution  VARCHAR(16)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_peer_report_reporter UNIQUE (post_id, kind, reporter_id),
    CONSTRAINT fk_peer_report_group FOREIGN KEY (group_id) REFERENCES peer_group (id),
    CONSTRAINT fk_peer_report_post FOREIGN KEY (post_id) REFERENCES peer_post (id),
    CONSTRAINT fk_peer_report_reporter FOREIGN KEY (reporter_id) REFERENCES app_user (id),
    CONSTRAINT fk_peer_report_resolved_by FOREIGN KEY (resolved_by) REFERENCES app_user (id),
    CONSTRAINT ck_peer_report_kind CHECK (kind IN ('REPORT', 'DISTRESS')),
    CONSTRAINT ck_peer_report_resolution CHECK (resolution IS NULL OR resolution IN ('HIDDEN', 'DISMISSED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_peer_report_queue ON peer_report (group_id, resolved_at, id);

-- How far each person has read each thread: "N new" counts and unread markers.
CREATE TABLE peer_thread_read (
    user_id           BIGINT       NOT NULL,
    thread_id         BIGINT       NOT NULL,
    last_read_post_id BIGINT       NOT NULL,
    read_at           TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (user_id, thread_id),
    CONSTRAINT fk_peer_thread_read_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_peer_thread_read_thread FOREIGN KEY (thread_id) REFERENCES peer_thread (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- In-app notifications. They name the group and thread but never a person, so no pseudonym can leak.
CREATE TABLE peer_notification (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    user_id    BIGINT       NOT NULL,
    group_id   BIGINT       NOT NULL,
    thread_id  BIGINT       NULL,
    post_id    BIGINT       NULL,
    kind       VARCHAR(24)  NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    read_at    TIMESTAMP(3) NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_peer_notification_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_peer_notification_group FOREIGN KEY (group_id) REFERENCES peer_group (id),
    CONSTRAINT fk_peer_notification_thread FOREIGN KEY (thread_id) REFERENCES peer_thread (id),
    CONSTRAINT fk_peer_notification_post FOREIGN KEY (post_id) REFERENCES peer_post (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_peer_notification_user ON peer_notification (user_id, read_at, id);
