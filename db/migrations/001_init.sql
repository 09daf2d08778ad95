-- Schema v1: feeds, threads, items (comments), routing decisions, audit log, settings.
-- Times are integer milliseconds since the Unix epoch (UTC).

CREATE TABLE feeds (
  id               INTEGER PRIMARY KEY,
  url              TEXT    NOT NULL UNIQUE,
  site_url         TEXT,
  title            TEXT    NOT NULL DEFAULT '',
  kind             TEXT    NOT NULL DEFAULT 'comments' CHECK (kind IN ('comments', 'posts')),
  status           TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'muted', 'parked')),
  interval_minutes INTEGER NOT NULL DEFAULT 15 CHECK (interval_minutes >= 0),
  etag             TEXT,
  last_modified    TEXT,
  last_fetched_at  INTEGER,
  last_success_at  INTEGER,
  error_category   TEXT,
  error_message    TEXT,
  error_count      INTEGER NOT NULL DEFAULT 0,
  next_fetch_at    INTEGER,
  is_sample        INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
  created_at       INTEGER NOT NULL
);

CREATE TABLE threads (
  id         INTEGER PRIMARY KEY,
  url        TEXT    NOT NULL UNIQUE,
  title      TEXT    NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);

CREATE TABLE items (
  id            INTEGER PRIMARY KEY,
  feed_id       INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
  guid          TEXT    NOT NULL,
  thread_id     INTEGER REFERENCES threads (id) ON DELETE SET NULL,
  url           TEXT,
  author        TEXT    NOT NULL DEFAULT '',
  author_url    TEXT,
  published_at  INTEGER NOT NULL,
  content_html  TEXT    NOT NULL DEFAULT '',
  content_text  TEXT    NOT NULL DEFAULT '',
  status        TEXT    NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'routed', 'snoozed', 'done')),
  route         TEXT    CHECK (route IN ('service', 'spotlight', 'ignore')),
  routed_at     INTEGER,
  snoozed_until INTEGER,
  note          TEXT,
  fetched_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  UNIQUE (feed_id, guid)
);

-- Each view lists one status (and route) newest first; the id breaks ties for keyset paging.
CREATE INDEX items_by_status ON items (status, published_at, id);
CREATE INDEX items_by_route ON items (route, status, published_at, id);
CREATE INDEX items_by_published ON items (published_at, id);
CREATE INDEX items_by_feed ON items (feed_id, published_at, id);
CREATE INDEX items_by_thread ON items (thread_id, published_at);

-- Every routing decision ever made on an item, newest last; items.route holds the current one.
CREATE TABLE decisions (
  id         INTEGER PRIMARY KEY,
  item_id    INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  route      TEXT    CHECK (route IN ('service', 'spotlight', 'ignore')),
  status     TEXT    NOT NULL CHECK (status IN ('new', 'routed', 'snoozed', 'done')),
  decided_at INTEGER NOT NULL
);
CREATE INDEX decisions_by_item ON decisions (item_id, decided_at);

-- Moderator actions, each with the JSON that undoes it.
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL,
  action    TEXT    NOT NULL,
  detail    TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
  undo      TEXT    CHECK (undo IS NULL OR json_valid(undo)),
  undone_at INTEGER
);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
);
