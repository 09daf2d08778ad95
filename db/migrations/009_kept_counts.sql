-- Counts kept, not counted: how many comments each feed holds at each place (status, route,
-- service state), kept by the triggers below in the same transaction as every write to items,
-- whichever path makes it (ingest, routing, bulk actions, undo, snoozes waking, drafts, exports,
-- unsubscribing with a feed's comments, a feed deleted with its comments by cascade, the CLI).
-- The sidebar's views, replies ready to export and each feed's counts are sums over this small
-- table (db/tables/item-counts.ts): a view's rule (common/views.ts) is applied to it as it is to
-- items, so no view is defined here. Recounting items after every write took 300 ms at 1M.
--
-- A missing route or service state is kept as '' rather than NULL, so each place is one row
-- (NULLs are never equal, and ON CONFLICT would not find the row).
CREATE TABLE item_counts (
  feed_id       INTEGER NOT NULL,
  status        TEXT    NOT NULL,
  route         TEXT    NOT NULL,
  service_state TEXT    NOT NULL,
  n             INTEGER NOT NULL,
  PRIMARY KEY (feed_id, status, route, service_state)
) WITHOUT ROWID;

CREATE TRIGGER item_counts_insert AFTER INSERT ON items BEGIN
  INSERT INTO item_counts (feed_id, status, route, service_state, n)
  VALUES (new.feed_id, new.status, coalesce(new.route, ''), coalesce(new.service_state, ''), 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER item_counts_delete AFTER DELETE ON items BEGIN
  UPDATE item_counts SET n = n - 1
   WHERE feed_id = old.feed_id AND status = old.status AND route = coalesce(old.route, '') AND service_state = coalesce(old.service_state, '');
END;

-- Only a change of place moves a count: an edited text, a note or a snooze time costs nothing here.
CREATE TRIGGER item_counts_update AFTER UPDATE OF feed_id, status, route, service_state ON items
WHEN old.feed_id IS NOT new.feed_id OR old.status IS NOT new.status OR old.route IS NOT new.route OR old.service_state IS NOT new.service_state BEGIN
  UPDATE item_counts SET n = n - 1
   WHERE feed_id = old.feed_id AND status = old.status AND route = coalesce(old.route, '') AND service_state = coalesce(old.service_state, '');
  INSERT INTO item_counts (feed_id, status, route, service_state, n)
  VALUES (new.feed_id, new.status, coalesce(new.route, ''), coalesce(new.service_state, ''), 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Comments stored before this version are counted once, here.
INSERT INTO item_counts (feed_id, status, route, service_state, n)
SELECT feed_id, status, coalesce(route, ''), coalesce(service_state, ''), COUNT(*) FROM items GROUP BY 1, 2, 3, 4;

-- Overdue depends on the clock, so it cannot be kept: it is the kept count of comments awaiting a
-- reply in the lane less those too recent to be overdue, counted over a range of this index,
-- which holds only comments awaiting a reply in the lane (common/waiting.ts, AWAITING_REPLY_SQL
-- with status 'routed'; db/tables/item-counts.ts names this index, so a rule that no longer
-- matches it fails loudly instead of scanning items).
CREATE INDEX items_overdue ON items (published_at)
 WHERE route = 'service' AND status = 'routed' AND service_state IN ('open', 'drafted', 'ready');
