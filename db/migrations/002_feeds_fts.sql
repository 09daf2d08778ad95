-- Feed subscriptions in depth: following each post's comment feed, Retry-After, and full-text
-- search over comments.

-- A comment feed found through a posts feed (wfw:commentRss / rel="replies") is followed for a
-- while: follow_days on the posts feed, parent_feed_id and follow_until on the comment feed.
ALTER TABLE feeds ADD COLUMN follow_days INTEGER CHECK (follow_days IS NULL OR follow_days > 0);
ALTER TABLE feeds ADD COLUMN parent_feed_id INTEGER REFERENCES feeds (id) ON DELETE CASCADE;
ALTER TABLE feeds ADD COLUMN follow_until INTEGER;
-- Unsubscribing while keeping the comments and decisions: the feed stays as their label, hidden
-- from the feed list and never fetched again.
ALTER TABLE feeds ADD COLUMN unsubscribed_at INTEGER;
CREATE INDEX feeds_by_parent ON feeds (parent_feed_id);
CREATE INDEX feeds_due ON feeds (status, next_fetch_at);

-- Full-text search over comment text, author and thread title. Inserting a comment indexes it in
-- the same transaction (db/search-index.ts, called by feeds/store.ts; an AFTER INSERT trigger into FTS5 measured three to
-- four times slower and was the ingest bottleneck); deletes, edits and thread renames are kept in
-- step by the triggers below, in the same transaction as the write.
CREATE VIRTUAL TABLE items_fts USING fts5 (
  content_text, author, thread_title,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- Comments stored before this version are searchable too.
INSERT INTO items_fts (rowid, content_text, author, thread_title)
SELECT i.id, i.content_text, i.author, coalesce(t.title, '') FROM items i LEFT JOIN threads t ON t.id = i.thread_id;

CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
  DELETE FROM items_fts WHERE rowid = old.id;
END;

CREATE TRIGGER items_fts_update AFTER UPDATE OF content_text, author, thread_id ON items
WHEN old.content_text IS NOT new.content_text OR old.author IS NOT new.author OR old.thread_id IS NOT new.thread_id BEGIN
  DELETE FROM items_fts WHERE rowid = old.id;
  INSERT INTO items_fts (rowid, content_text, author, thread_title)
  VALUES (new.id, new.content_text, new.author, coalesce((SELECT title FROM threads WHERE id = new.thread_id), ''));
END;

-- Only a real change of title re-indexes the thread's comments: upserts that keep the title must
-- stay cheap, or ingesting a long thread turns quadratic.
CREATE TRIGGER threads_fts_title AFTER UPDATE OF title ON threads WHEN old.title IS NOT new.title BEGIN
  DELETE FROM items_fts WHERE rowid IN (SELECT id FROM items WHERE thread_id = new.id);
  INSERT INTO items_fts (rowid, content_text, author, thread_title)
  SELECT id, content_text, author, new.title FROM items WHERE thread_id = new.id;
END;
