-- The team workspace on PostgreSQL (issue 15): what several moderators share. Only the team server
-- (main/team-server/) talks to it. Every write that desktops must see also appends its new value
-- to `changes` in the same transaction, and the transaction ends with NOTIFY switchboard_changes
-- (a doorbell: desktops read `changes` since their cursor, never the notification's text).
-- Times the desktops store are milliseconds since 1970 (bigint), as in their SQLite copies.

CREATE TABLE workspace (
  id   boolean PRIMARY KEY DEFAULT true CHECK (id),
  name text NOT NULL
);

CREATE TABLE moderators (
  id            serial PRIMARY KEY,
  name          text   NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
  role          text   NOT NULL CHECK (role IN ('owner', 'moderator')),
  -- sha256 of the personal token (hex); null until the invite is used.
  token_hash    text   UNIQUE,
  -- sha256 of the one-time invite; cleared when used.
  invite_hash   text   UNIQUE,
  invite_until  bigint,
  created_at    bigint NOT NULL,
  joined_at     bigint,
  revoked_at    bigint,
  last_seen_at  bigint
);

CREATE TABLE feeds (
  id               bigserial PRIMARY KEY,
  url              text   NOT NULL UNIQUE,
  site_url         text,
  title            text   NOT NULL DEFAULT '',
  kind             text   NOT NULL DEFAULT 'comments' CHECK (kind IN ('comments', 'posts')),
  interval_minutes integer NOT NULL DEFAULT 15 CHECK (interval_minutes >= 0),
  etag             text,
  last_modified    text,
  last_fetched_at  bigint,
  last_success_at  bigint,
  error_message    text,
  error_count      integer NOT NULL DEFAULT 0,
  next_fetch_at    bigint,
  removed_at       bigint,
  added_by         integer REFERENCES moderators (id),
  created_at       bigint NOT NULL
);

CREATE TABLE comments (
  id                  bigserial PRIMARY KEY,
  feed_id             bigint  NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
  guid                text    NOT NULL,
  thread_url          text,
  thread_title        text    NOT NULL DEFAULT '',
  url                 text,
  author              text    NOT NULL DEFAULT '',
  author_url          text,
  published_at        bigint  NOT NULL,
  content_html        text    NOT NULL DEFAULT '',
  content_text        text    NOT NULL DEFAULT '',
  -- The moderator's columns (common/team-wire.ts, commentState), named as in SQLite's items.
  status              text    NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'routed', 'snoozed', 'done')),
  route               text    CHECK (route IN ('service', 'spotlight', 'ignore')),
  routed_at           bigint,
  snoozed_until       bigint,
  snooze_until_reply  smallint NOT NULL DEFAULT 0,
  back_from_snooze    smallint NOT NULL DEFAULT 0,
  note                text,
  service_state       text,
  service_exported_at bigint,
  resolution          text,
  answered_by         bigint,
  assigned_to         integer REFERENCES moderators (id),
  -- Raised by every applied decision; a decision names the version it was made on.
  version             integer NOT NULL DEFAULT 1,
  updated_by          integer REFERENCES moderators (id),
  updated_at          bigint  NOT NULL,
  -- The lease: who works on it until when (taken FOR UPDATE SKIP LOCKED, so two never hold one).
  lease_holder        integer REFERENCES moderators (id),
  lease_purpose       text    CHECK (lease_purpose IN ('open', 'reply', 'checkout')),
  lease_until         bigint,
  UNIQUE (feed_id, guid)
);
CREATE INDEX comments_by_status ON comments (status, published_at, id);
CREATE INDEX comments_leased ON comments (lease_holder, lease_until) WHERE lease_holder IS NOT NULL;
CREATE INDEX comments_assigned ON comments (assigned_to) WHERE assigned_to IS NOT NULL;

CREATE TABLE drafts (
  comment_id bigint PRIMARY KEY REFERENCES comments (id) ON DELETE CASCADE,
  body       text   NOT NULL,
  templates  jsonb  NOT NULL DEFAULT '[]',
  updated_by integer REFERENCES moderators (id),
  updated_at bigint NOT NULL
);

-- Every decision a desktop sent, applied or not: the audit of who did what, and the memory of keys
-- that makes a replayed outbox apply nothing twice.
CREATE TABLE decisions (
  id           bigserial PRIMARY KEY,
  key          text    NOT NULL UNIQUE,
  moderator_id integer NOT NULL REFERENCES moderators (id),
  comment_id   bigint  NOT NULL,
  kind         text    NOT NULL CHECK (kind IN ('state', 'draft')),
  base_version integer,
  body         jsonb   NOT NULL,
  outcome      text    NOT NULL CHECK (outcome IN ('applied', 'conflict')),
  version      integer NOT NULL,
  made_at      bigint  NOT NULL,
  received_at  bigint  NOT NULL
);
CREATE INDEX decisions_by_moderator ON decisions (moderator_id, received_at);

CREATE TABLE saved_replies (
  id         bigserial PRIMARY KEY,
  name       text   NOT NULL UNIQUE,
  lane       text   NOT NULL CHECK (lane IN ('service', 'spotlight')),
  body       text   NOT NULL,
  updated_by integer REFERENCES moderators (id),
  updated_at bigint NOT NULL
);

-- The change log desktops copy from: one row per change, the whole new value in `body` (a
-- TeamChange of common/team-wire.ts without seq, at and by).
CREATE TABLE changes (
  seq          bigserial PRIMARY KEY,
  at           bigint  NOT NULL,
  moderator_id integer REFERENCES moderators (id),
  kind         text    NOT NULL CHECK (kind IN ('comment', 'state', 'lease', 'draft', 'feed', 'moderator')),
  body         jsonb   NOT NULL
);
