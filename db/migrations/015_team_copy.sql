-- A desktop in a team workspace (issue 15): its SQLite file is the offline copy of the workspace.
-- Solo files get these tables empty and nothing changes for them: every trigger below acts only
-- when the team link exists. Item and feed ids in a team copy are the workspace's own.

-- The link to the team server; at most one row, present only in a team copy.
CREATE TABLE team_link (
  only           INTEGER PRIMARY KEY CHECK (only = 1),
  server_url     TEXT    NOT NULL,
  token          TEXT    NOT NULL,
  moderator_id   INTEGER NOT NULL,
  moderator_name TEXT    NOT NULL,
  moderator_role TEXT    NOT NULL CHECK (moderator_role IN ('owner', 'moderator')),
  workspace      TEXT    NOT NULL,
  -- The change log's seq this copy has applied up to.
  cursor         INTEGER NOT NULL DEFAULT 0,
  last_sync_at   INTEGER,
  -- Why the last try to reach the server failed, in plain words (null when it did not).
  problem        TEXT,
  -- Set when the server refused the token: the sync stops trying until the desktop joins again.
  revoked_at     INTEGER,
  joined_at      INTEGER NOT NULL
);

-- The workspace version of each comment's state this copy holds (a decision names it), and the
-- moderator whose decision made that state (null: nobody decided yet, or this desktop's own).
ALTER TABLE items ADD COLUMN team_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN team_by TEXT;

-- Present (one row) only inside the sync's transaction that applies the server's changes, so the
-- outbox triggers leave those writes alone; never committed (the sync deletes it before commit).
CREATE TABLE team_applying (only INTEGER PRIMARY KEY CHECK (only = 1));

-- Decisions made on this desktop, waiting for the server, sent in seq order. `state` is the whole
-- new state (kind 'state', common/team-wire.ts commentState) or the draft (kind 'draft', null when
-- deleted); `key` makes a replay harmless (the server remembers it).
CREATE TABLE team_outbox (
  seq          INTEGER PRIMARY KEY,
  key          TEXT    NOT NULL UNIQUE,
  item_id      INTEGER NOT NULL,
  base_version INTEGER NOT NULL,
  kind         TEXT    NOT NULL CHECK (kind IN ('state', 'draft')),
  state        TEXT    CHECK (state IS NULL OR json_valid(state)),
  force        INTEGER NOT NULL DEFAULT 0 CHECK (force IN (0, 1)),
  made_at      INTEGER NOT NULL,
  tries        INTEGER NOT NULL DEFAULT 0,
  last_error   TEXT
);
CREATE INDEX team_outbox_by_item ON team_outbox (item_id, seq);

-- Decisions the server refused, waiting for the moderator: keep theirs or apply mine.
CREATE TABLE team_conflicts (
  id             INTEGER PRIMARY KEY,
  key            TEXT    NOT NULL,
  item_id        INTEGER NOT NULL,
  kind           TEXT    NOT NULL CHECK (kind IN ('state', 'draft')),
  reason         TEXT    NOT NULL CHECK (reason IN ('stale', 'leased', 'missing')),
  mine           TEXT    CHECK (mine IS NULL OR json_valid(mine)),
  theirs         TEXT    CHECK (theirs IS NULL OR json_valid(theirs)),
  theirs_version INTEGER NOT NULL,
  theirs_by      TEXT,
  theirs_at      INTEGER,
  made_at        INTEGER NOT NULL
);
CREATE INDEX team_conflicts_by_item ON team_conflicts (item_id);

-- Leases as the change log last said (another moderator's, or this desktop's own).
CREATE TABLE team_leases (
  item_id   INTEGER PRIMARY KEY,
  holder    TEXT    NOT NULL,
  holder_id INTEGER NOT NULL,
  purpose   TEXT    NOT NULL CHECK (purpose IN ('open', 'reply', 'checkout')),
  until     INTEGER NOT NULL
);

-- Who else is connected, as last heard (presence), and who was revoked.
CREATE TABLE team_people (
  name     TEXT    PRIMARY KEY,
  role     TEXT    NOT NULL CHECK (role IN ('owner', 'moderator')),
  online   INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)),
  since    INTEGER,
  heard_at INTEGER NOT NULL,
  revoked  INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
);

-- The outbox is written in the same transaction as the moderator's change, whatever made it (a
-- key, undo, a bulk action, a rule, the CLI): one row per comment whose state really changed.
CREATE TRIGGER team_outbox_state AFTER UPDATE OF status, route, routed_at, snoozed_until, snooze_until_reply, back_from_snooze,
  note, service_state, service_exported_at, resolution, answered_by ON items
  WHEN EXISTS (SELECT 1 FROM team_link WHERE revoked_at IS NULL) AND NOT EXISTS (SELECT 1 FROM team_applying)
   AND (old.status IS NOT new.status OR old.route IS NOT new.route OR old.routed_at IS NOT new.routed_at
        OR old.snoozed_until IS NOT new.snoozed_until OR old.snooze_until_reply IS NOT new.snooze_until_reply
        OR old.back_from_snooze IS NOT new.back_from_snooze OR old.note IS NOT new.note OR old.service_state IS NOT new.service_state
        OR old.service_exported_at IS NOT new.service_exported_at OR old.resolution IS NOT new.resolution
        OR old.answered_by IS NOT new.answered_by)
BEGIN
  INSERT INTO team_outbox (key, item_id, base_version, kind, state, made_at)
  VALUES (lower(hex(randomblob(16))), new.id, new.team_version, 'state',
          json_object('status', new.status, 'route', new.route, 'routed_at', new.routed_at, 'snoozed_until', new.snoozed_until,
                      'snooze_until_reply', new.snooze_until_reply, 'back_from_snooze', new.back_from_snooze, 'note', new.note,
                      'service_state', new.service_state, 'service_exported_at', new.service_exported_at,
                      'resolution', new.resolution, 'answered_by', new.answered_by),
          CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;

-- A comment's own reply draft goes to the workspace too (an incident's shared draft stays local).
CREATE TRIGGER team_outbox_draft_saved AFTER INSERT ON drafts
  WHEN new.item_id IS NOT NULL AND EXISTS (SELECT 1 FROM team_link WHERE revoked_at IS NULL) AND NOT EXISTS (SELECT 1 FROM team_applying)
BEGIN
  INSERT INTO team_outbox (key, item_id, base_version, kind, state, made_at)
  VALUES (lower(hex(randomblob(16))), new.item_id, 0, 'draft', json_object('body', new.body, 'templates', json(new.templates)),
          CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER team_outbox_draft_changed AFTER UPDATE OF body, templates ON drafts
  WHEN new.item_id IS NOT NULL AND (old.body IS NOT new.body OR old.templates IS NOT new.templates)
   AND EXISTS (SELECT 1 FROM team_link WHERE revoked_at IS NULL) AND NOT EXISTS (SELECT 1 FROM team_applying)
BEGIN
  INSERT INTO team_outbox (key, item_id, base_version, kind, state, made_at)
  VALUES (lower(hex(randomblob(16))), new.item_id, 0, 'draft', json_object('body', new.body, 'templates', json(new.templates)),
          CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER team_outbox_draft_deleted AFTER DELETE ON drafts
  WHEN old.item_id IS NOT NULL AND EXISTS (SELECT 1 FROM team_link WHERE revoked_at IS NULL) AND NOT EXISTS (SELECT 1 FROM team_applying)
BEGIN
  INSERT INTO team_outbox (key, item_id, base_version, kind, state, made_at)
  VALUES (lower(hex(randomblob(16))), old.item_id, 0, 'draft', NULL, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;

-- In a team copy, feeds and comments come from the workspace only, under its ids: a feed subscribed
-- or fetched here would take ids the workspace gives to others, and stop the copy from following it.
CREATE TRIGGER team_copy_feeds_from_workspace BEFORE INSERT ON feeds
  WHEN EXISTS (SELECT 1 FROM team_link) AND NOT EXISTS (SELECT 1 FROM team_applying)
BEGIN
  SELECT RAISE(ABORT, 'team: in a team workspace the team server fetches the feeds for everybody: ask an owner to add this one with `switchboard team feeds add URL`');
END;
CREATE TRIGGER team_copy_comments_from_workspace BEFORE INSERT ON items
  WHEN EXISTS (SELECT 1 FROM team_link) AND NOT EXISTS (SELECT 1 FROM team_applying)
BEGIN
  SELECT RAISE(ABORT, 'team: in a team workspace comments come from the team server; this desktop does not fetch feeds itself');
END;
