-- The moderator's routing rules (main/features/suggestions/rules/), tried in `position` order,
-- first to last. The rule itself (its conditions and action) is kept as the JSON the one
-- definition in common/contract/rules.ts accepted; name and enabled are columns for listing.
CREATE TABLE routing_rules (
  id         INTEGER PRIMARY KEY,
  position   INTEGER NOT NULL,
  name       TEXT    NOT NULL,
  enabled    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  rule       TEXT    NOT NULL CHECK (json_valid(rule)),
  updated_at INTEGER NOT NULL
);
CREATE INDEX routing_rules_in_order ON routing_rules (position, id);

-- One number that changes with every change to the rules, by trigger so no write can forget it:
-- whoever keeps rules compiled (the ingest step) or scored (the Inbox's suggestions) reads it to
-- know that what it holds is stale.
CREATE TABLE routing_rules_version (
  only    INTEGER PRIMARY KEY CHECK (only = 1),
  version INTEGER NOT NULL
);
INSERT INTO routing_rules_version (only, version) VALUES (1, 0);

CREATE TRIGGER routing_rules_added AFTER INSERT ON routing_rules
BEGIN
  UPDATE routing_rules_version SET version = version + 1;
END;
CREATE TRIGGER routing_rules_changed AFTER UPDATE ON routing_rules
BEGIN
  UPDATE routing_rules_version SET version = version + 1;
END;
CREATE TRIGGER routing_rules_deleted AFTER DELETE ON routing_rules
BEGIN
  UPDATE routing_rules_version SET version = version + 1;
END;
