-- The community spotlight: members (one per person, across feeds and names), what the moderator
-- did to recognise them, and notes about them.

CREATE TABLE members (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL,
  note        TEXT,
  -- Set while the member is merged into another; split undoes it.
  merged_into INTEGER REFERENCES members (id) ON DELETE SET NULL,
  created_at  INTEGER NOT NULL
);

-- Which member an author name belongs to, and whom it belonged to before any merge.
CREATE TABLE member_aliases (
  author             TEXT    PRIMARY KEY,
  member_id          INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  original_member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE
);
CREATE INDEX member_aliases_by_member ON member_aliases (member_id);

CREATE TABLE spotlight_actions (
  id              INTEGER PRIMARY KEY,
  item_id         INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  action          TEXT    NOT NULL CHECK (action IN ('feature', 'thank', 'invite', 'answer')),
  note            TEXT,
  -- For 'answer': the question it answered. For 'invite': guest-post, volunteer or moderator.
  answers_item_id INTEGER REFERENCES items (id) ON DELETE SET NULL,
  invite_kind     TEXT    CHECK (invite_kind IS NULL OR invite_kind IN ('guest-post', 'volunteer', 'moderator')),
  at              INTEGER NOT NULL
);
CREATE INDEX spotlight_by_item ON spotlight_actions (item_id);
CREATE INDEX spotlight_by_action ON spotlight_actions (action, at);

-- Community answers also count the comments that resolved a service item.
CREATE INDEX items_answered_by ON items (answered_by) WHERE answered_by IS NOT NULL;
