-- Comments back from a snooze lead the Inbox's first page (db/tables/items.ts: backInInbox): the
-- moderator put them off to come back to, so they come first. Few comments are ever back at once;
-- this index holds only those, so finding them reads nothing else.
CREATE INDEX items_back_in_inbox ON items (published_at, id) WHERE back_from_snooze = 1 AND status = 'new';
