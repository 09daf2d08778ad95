-- Threads belong to a site. Until now a thread was one row per address, shared by every feed, so
-- a feed on any host could put comments into another site's thread (Atom thr:in-reply-to names
-- any address), wake a comment snoozed until its author wrote again there, and show up in that
-- thread's context under any name. Now each feed has a site (main/features/feeds/site.ts says how
-- it is chosen) and a thread is one row per (site, address): only feeds of one site share it.

-- A feed's site: the host of its own address for every feed subscribed so far (the host part of
-- the stored URL, which the fetcher's URL parser wrote in lower case, without its port).
ALTER TABLE feeds ADD COLUMN site TEXT NOT NULL DEFAULT '';
UPDATE feeds SET site = substr(substr(url, instr(url, '://') + 3), 1, instr(substr(url, instr(url, '://') + 3) || '/', '/') - 1);
UPDATE feeds SET site = lower(CASE
  WHEN site LIKE '[%' THEN substr(site, 1, instr(site, ']'))
  WHEN instr(site, ':') > 0 THEN substr(site, 1, instr(site, ':') - 1)
  ELSE site END);

-- The threads table is rebuilt the way SQLite documents for a changed UNIQUE constraint (create,
-- copy, drop, rename; foreign keys are off meanwhile, see db/migrate.ts). A thread keeps its id
-- for the site of its oldest comment; each other site whose feeds commented in it gets a row of
-- its own, and those comments move there. A thread no comment refers to any more is not copied
-- (the next comment in it creates it again).
CREATE TABLE threads_by_site (
  id         INTEGER PRIMARY KEY,
  site       TEXT    NOT NULL,
  url        TEXT    NOT NULL,
  title      TEXT    NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  UNIQUE (site, url)
);

INSERT INTO threads_by_site (id, site, url, title, created_at)
SELECT t.id, f.site, t.url, t.title, t.created_at
  FROM threads t
  JOIN items i ON i.id = (SELECT min(id) FROM items WHERE thread_id = t.id)
  JOIN feeds f ON f.id = i.feed_id;

INSERT INTO threads_by_site (site, url, title, created_at)
SELECT DISTINCT f.site, t.url, t.title, t.created_at
  FROM items i JOIN feeds f ON f.id = i.feed_id JOIN threads t ON t.id = i.thread_id
 WHERE NOT EXISTS (SELECT 1 FROM threads_by_site n WHERE n.site = f.site AND n.url = t.url);

-- Which comments move to their own site's row, worked out while the old addresses are at hand;
-- applied once the new table is in place, so the search index's trigger reads the moved
-- comment's thread title from it.
CREATE TEMP TABLE thread_moves AS
SELECT i.id AS item_id, n.id AS thread_id
  FROM items i JOIN feeds f ON f.id = i.feed_id JOIN threads t ON t.id = i.thread_id
  JOIN threads_by_site n ON n.site = f.site AND n.url = t.url
 WHERE n.id <> i.thread_id;

-- The items trigger that reads thread titles names the threads table: SQLite refuses the rename
-- while a trigger names a table that is gone, so it is set aside and made again as it was (002).
DROP TRIGGER items_fts_update;
DROP TABLE threads;
ALTER TABLE threads_by_site RENAME TO threads;

CREATE TRIGGER items_fts_update AFTER UPDATE OF content_text, author, thread_id ON items
WHEN old.content_text IS NOT new.content_text OR old.author IS NOT new.author OR old.thread_id IS NOT new.thread_id BEGIN
  DELETE FROM items_fts WHERE rowid = old.id;
  INSERT INTO items_fts (rowid, content_text, author, thread_title)
  VALUES (new.id, new.content_text, new.author, coalesce((SELECT title FROM threads WHERE id = new.thread_id), ''));
END;

-- Dropped with the old table: only a real change of title re-indexes the thread's comments.
CREATE TRIGGER threads_fts_title AFTER UPDATE OF title ON threads WHEN old.title IS NOT new.title BEGIN
  DELETE FROM items_fts WHERE rowid IN (SELECT id FROM items WHERE thread_id = new.id);
  INSERT INTO items_fts (rowid, content_text, author, thread_title)
  SELECT id, content_text, author, new.title FROM items WHERE thread_id = new.id;
END;

UPDATE items SET thread_id = (SELECT thread_id FROM thread_moves WHERE item_id = items.id)
 WHERE id IN (SELECT item_id FROM thread_moves);
DROP TABLE thread_moves;
