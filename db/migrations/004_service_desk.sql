-- The customer-service desk: saved replies, reply drafts, incidents, and where each service
-- item stands (open, drafted, ready, exported, resolved).

CREATE TABLE templates (
  id         INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  lane       TEXT    NOT NULL CHECK (lane IN ('service', 'spotlight')),
  body       TEXT    NOT NULL,
  -- Placeholders the template declares beyond the built-in ones, asked for at insertion.
  variables  TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(variables)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Many people writing about the same thing, answered with one shared draft.
CREATE TABLE incidents (
  id         INTEGER PRIMARY KEY,
  title      TEXT    NOT NULL,
  created_at INTEGER NOT NULL
);

-- One reply draft per comment, or one per incident (shared by its comments; placeholders such as
-- {{author}} are filled per person at export).
CREATE TABLE drafts (
  id          INTEGER PRIMARY KEY,
  item_id     INTEGER UNIQUE REFERENCES items (id) ON DELETE CASCADE,
  incident_id INTEGER UNIQUE REFERENCES incidents (id) ON DELETE CASCADE,
  body        TEXT    NOT NULL DEFAULT '',
  templates   TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(templates)),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  CHECK ((item_id IS NULL) <> (incident_id IS NULL))
);

ALTER TABLE items ADD COLUMN service_state TEXT CHECK (service_state IN ('open', 'drafted', 'ready', 'exported', 'resolved'));
ALTER TABLE items ADD COLUMN service_exported_at INTEGER;
ALTER TABLE items ADD COLUMN resolution TEXT CHECK (resolution IN ('replied', 'answered-by-community'));
ALTER TABLE items ADD COLUMN answered_by INTEGER REFERENCES items (id) ON DELETE SET NULL;
ALTER TABLE items ADD COLUMN incident_id INTEGER REFERENCES incidents (id) ON DELETE SET NULL;

CREATE INDEX items_by_service_state ON items (service_state, published_at) WHERE service_state IS NOT NULL;
CREATE INDEX items_by_incident ON items (incident_id) WHERE incident_id IS NOT NULL;

-- Comments already routed to customer service are open service items.
UPDATE items SET service_state = 'open' WHERE route = 'service';
