-- Routing suggestions (issue 14): each comment's suggested lane, how sure, why, and the model it
-- was scored with; what the model has learned from the moderator's decisions; and the queue of
-- comments whose lane changed, which the learner takes in small chunks off the routing key.
--
-- suggested_lane is the group the Inbox sorts by: 0 customer service, 1 spotlight, 2 ignore,
-- 3 no suggestion (and not scored yet). suggestion_key folds the group and the confidence into one
-- number, (3 - lane) * 2 + confidence, so "by lane, most confident first" is one descending column
-- a keyset cursor can seek (db/tables/suggestions.ts computes it; the cursor's lane and confidence
-- give it back). scored_version is the model version the suggestion was last written with (a pass
-- that finds the same suggestion leaves the row alone); NULL: not scored yet (comments stored before this migration, scored in the background after launch).
-- Adding columns with constant defaults rewrites no row.
ALTER TABLE items ADD COLUMN suggested_lane INTEGER NOT NULL DEFAULT 3;
ALTER TABLE items ADD COLUMN suggested_confidence REAL NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN suggestion_key REAL NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN suggestion_reasons TEXT;
ALTER TABLE items ADD COLUMN scored_version INTEGER;

-- Suggestions are sorted and filtered in the Inbox (common/contract/queue.ts): these indexes hold
-- only its comments (5% of a million), so they cost little to keep as comments arrive and leave.
-- Each starts with the columns a page wants equal (status, feed, route: the query-plan guard) and
-- goes on in the order shown: by suggestion, or newest first within one suggested lane.
-- The suggestion sort's indexes end with the time: a date filter is checked in the index, without
-- reading each comment's row (a month that holds few Inbox comments walked the whole Inbox's rows:
-- 49 ms at 1M; in the index, 8 ms).
CREATE INDEX items_inbox_by_suggestion ON items (status, suggestion_key, id, published_at) WHERE status = 'new';
CREATE INDEX items_inbox_by_feed_suggestion ON items (feed_id, status, suggestion_key, id, published_at) WHERE status = 'new';
CREATE INDEX items_inbox_suggested ON items (status, suggested_lane, published_at, id) WHERE status = 'new';
CREATE INDEX items_inbox_by_feed_suggested ON items (feed_id, status, suggested_lane, published_at, id) WHERE status = 'new';
-- An Inbox comment with a route is one routed, snoozed and back: a handful, so these are tiny.
CREATE INDEX items_inbox_routed_by_suggestion ON items (route, status, suggestion_key, id) WHERE status = 'new' AND route IS NOT NULL;
CREATE INDEX items_inbox_routed_by_feed_suggestion ON items (feed_id, route, status, suggestion_key, id) WHERE status = 'new' AND route IS NOT NULL;
CREATE INDEX items_inbox_routed_suggested ON items (route, status, suggested_lane, published_at, id) WHERE status = 'new' AND route IS NOT NULL;
CREATE INDEX items_inbox_routed_by_feed_suggested ON items (feed_id, route, status, suggested_lane, published_at, id) WHERE status = 'new' AND route IS NOT NULL;

-- What the model has learned: for each feature (word, word pair, signal) and lane, how many
-- learned comments have it; per lane, how many comments were learned; and which comments were
-- learned as which lane with the exact features they added, so a re-route or an undo takes back
-- exactly that, even if the comment's text was edited since.
CREATE TABLE learned_features (
  feature TEXT NOT NULL,
  route TEXT NOT NULL CHECK (route IN ('service', 'spotlight', 'ignore')),
  count INTEGER NOT NULL CHECK (count > 0),
  PRIMARY KEY (feature, route)
) WITHOUT ROWID;

CREATE TABLE learned_totals (
  route TEXT PRIMARY KEY CHECK (route IN ('service', 'spotlight', 'ignore')),
  decisions INTEGER NOT NULL CHECK (decisions > 0)
) WITHOUT ROWID;

CREATE TABLE learned_items (
  item_id INTEGER PRIMARY KEY,
  route TEXT NOT NULL CHECK (route IN ('service', 'spotlight', 'ignore')),
  features TEXT NOT NULL
);

-- The learned counts' version: every change to what was learned raises it, so every process sees
-- its cached counts are stale; added to the rules' own version, it is what a suggestion was scored
-- with (db/tables/suggestions.ts), and the Inbox comments scored with an older one are scored again. rescored_version: the version the last whole pass over the Inbox was made
-- with; pass_version, pass_published_at and pass_id: the pass under way and how far it got (in
-- the Inbox's time order), so another process can tell how many wait and a restart goes on.
-- A pass writes only the suggestions that changed: rewriting every row of a 50,000-comment Inbox
-- for the same answer was most of its cost.
CREATE TABLE suggestion_model (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL,
  rescored_version INTEGER NOT NULL,
  pass_version INTEGER,
  pass_published_at INTEGER,
  pass_id INTEGER
);
INSERT INTO suggestion_model (id, version, rescored_version) VALUES (1, 1, 0);

-- Comments whose lane changed, whichever door changed it (a key, the CLI, an undo, a bulk accept,
-- another window): written with the change itself, learned in small chunks afterwards, so the
-- routing key pays for one insert and the learning can never miss a decision.
CREATE TABLE learn_queue (item_id INTEGER PRIMARY KEY);
CREATE TRIGGER items_learn_route AFTER UPDATE OF route ON items WHEN old.route IS NOT new.route BEGIN
  INSERT OR IGNORE INTO learn_queue (item_id) VALUES (new.id);
END;
