-- Triage: snoozing until a time or until the author writes again, items back from snooze,
-- and the indexes the queue's views and filters use.
ALTER TABLE items ADD COLUMN snooze_until_reply INTEGER NOT NULL DEFAULT 0 CHECK (snooze_until_reply IN (0, 1));
ALTER TABLE items ADD COLUMN back_from_snooze INTEGER NOT NULL DEFAULT 0 CHECK (back_from_snooze IN (0, 1));

-- Waking snoozed items: by time, and by a new comment of the same author in the same thread.
CREATE INDEX items_snoozed_until ON items (snoozed_until) WHERE status = 'snoozed';
CREATE INDEX items_snoozed_reply ON items (thread_id, author) WHERE status = 'snoozed' AND snooze_until_reply = 1;
-- Filtering any view by route, newest or oldest first, without sorting.
CREATE INDEX items_by_route_published ON items (route, published_at, id);
-- An author's history across feeds.
CREATE INDEX items_by_author ON items (author, published_at);
-- Undo walks back from the newest action not yet undone.
CREATE INDEX audit_log_undoable ON audit_log (undone_at, id);
