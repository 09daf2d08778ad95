-- Search that stays fast at a million comments. The search box makes its last word a prefix
-- ("refun" finds "refund"), and FTS5 answers a prefix by merging the whole list of every word it
-- starts (at 1M comments, "the"* read about a million entries: 60 to 350 ms) before the first row.
-- Prefix indexes of 2, 3 and 4 characters store those lists ready-made, so a short prefix streams
-- newest first like a whole word; a longer prefix starts only a few words (db/fts-query.ts).
-- A one-letter last word is matched whole rather than as a prefix (db/fts-query.ts).
--
-- The search index leads a search, newest stored first (db/tables/items.ts); a filter by feed or
-- dates then checked each match, walking every newer match of a common word to find one feed's
-- or one old month's (0.5 s at 1M). A fourth column, scope, holds each comment's feed and month
-- as words ("f12 m202611"), so the search index itself narrows to them. Searched words never look
-- in it (db/fts-query.ts names the three text columns).
--
-- FTS5 takes its options only when the table is made: the index is made again and its rows
-- copied, same rowids (items.id), same columns. The triggers that name the table are set aside
-- while it is renamed (SQLite refuses a rename while a trigger names a missing table, see 006)
-- and made again as they were.
DROP TRIGGER items_fts_delete;
DROP TRIGGER items_fts_update;
DROP TRIGGER threads_fts_title;
ALTER TABLE items_fts RENAME TO items_fts_before_010;

CREATE VIRTUAL TABLE items_fts USING fts5 (
  content_text, author, thread_title, scope,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);
INSERT INTO items_fts (rowid, content_text, author, thread_title, scope)
SELECT o.rowid, o.content_text, o.author, o.thread_title, 'f' || i.feed_id || ' m' || strftime('%Y%m', i.published_at / 1000, 'unixepoch')
  FROM items_fts_before_010 o JOIN items i ON i.id = o.rowid;
DROP TABLE items_fts_before_010;

CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
  DELETE FROM items_fts WHERE rowid = old.id;
END;

CREATE TRIGGER items_fts_update AFTER UPDATE OF content_text, author, thread_id ON items
WHEN old.content_text IS NOT new.content_text OR old.author IS NOT new.author OR old.thread_id IS NOT new.thread_id BEGIN
  DELETE FROM items_fts WHERE rowid = old.id;
  INSERT INTO items_fts (rowid, content_text, author, thread_title, scope)
  VALUES (new.id, new.content_text, new.author, coalesce((SELECT title FROM threads WHERE id = new.thread_id), ''),
          'f' || new.feed_id || ' m' || strftime('%Y%m', new.published_at / 1000, 'unixepoch'));
END;

CREATE TRIGGER threads_fts_title AFTER UPDATE OF title ON threads WHEN old.title IS NOT new.title BEGIN
  DELETE FROM items_fts WHERE rowid IN (SELECT id FROM items WHERE thread_id = new.id);
  INSERT INTO items_fts (rowid, content_text, author, thread_title, scope)
  SELECT id, content_text, author, new.title, 'f' || feed_id || ' m' || strftime('%Y%m', published_at / 1000, 'unixepoch') FROM items WHERE thread_id = new.id;
END;

-- A view filtered by feed: the feed's comments of one status (Inbox, Snoozed, Done), and of one
-- route and status (Customer service, Spotlight, Ignored), and of one route (the route filter in
-- All), in time order (db/tables/items.ts names the one each page walks). Without them a feed's
-- page in Customer service walked every service comment of every feed (75 ms at 1M).
CREATE INDEX items_by_feed_status ON items (feed_id, status, published_at, id);
CREATE INDEX items_by_feed_route ON items (feed_id, route, status, published_at, id);
CREATE INDEX items_by_feed_route_published ON items (feed_id, route, published_at, id);

-- Every read first wakes the snoozes that are due. SQLite preferred items_by_status (every
-- snoozed comment, 10 ms at 1M) to a time range on the old index; with the status in front,
-- this one serves both the status and the time.
DROP INDEX items_snoozed_until;
CREATE INDEX items_snoozed_until ON items (status, snoozed_until) WHERE status = 'snoozed';
