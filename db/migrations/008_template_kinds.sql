-- What a saved reply is for, declared by the moderator: the spotlight's Thank and "Answered it"
-- draft from the thank-you reply, Invite from the invitation of the kind asked. Until now the
-- reply was guessed: Thank took a spotlight reply whose name mentioned "thank", "Answered it" the
-- first spotlight reply by name (often an invitation). At most one reply per kind, spotlight only.
ALTER TABLE templates ADD COLUMN kind TEXT CHECK (
  kind IS NULL OR (lane = 'spotlight' AND kind IN ('thank-you', 'invite-guest-post', 'invite-volunteer', 'invite-moderator'))
);
CREATE UNIQUE INDEX templates_one_per_kind ON templates (kind) WHERE kind IS NOT NULL;

-- The reply Thank used to find by name stays the thank-you. Invitations are not guessed: one
-- reply served all three kinds, so which kind it is only the moderator can say.
UPDATE templates SET kind = 'thank-you'
 WHERE id = (SELECT id FROM templates
              WHERE lane = 'spotlight' AND variables = '[]' AND lower(name) LIKE '%thank%'
              ORDER BY name COLLATE NOCASE LIMIT 1);
