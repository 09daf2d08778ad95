-- How each subscription came in, and whether the moderator allowed it to reach this computer or
-- the local network. A feed found on a web page or imported from an OPML file was chosen by
-- someone else: unless the moderator allowed it, every address it connects to, the first one
-- included, must be on the public internet (main/features/feeds/local-feeds.ts).
-- Feeds subscribed before this version count as typed: nobody recorded how they came in, and
-- refusing them now could stop feeds on the moderator's own network without a word.
ALTER TABLE feeds ADD COLUMN origin TEXT NOT NULL DEFAULT 'typed' CHECK (origin IN ('typed', 'discovered', 'opml'));
ALTER TABLE feeds ADD COLUMN allow_local INTEGER NOT NULL DEFAULT 0 CHECK (allow_local IN (0, 1));
