-- The dashboard's "Decisions by moderator" (GET /team/v1/stats) reads the applied state decisions of
-- a period: without this index it read the whole decisions table, every decision ever made.
CREATE INDEX decisions_applied_by_time ON decisions (made_at) WHERE kind = 'state' AND outcome = 'applied';
