-- Who made each decision, and when (issue 15, "every decision carries who made it"): a team copy
-- keeps, next to team_by (migration 015: the moderator whose decision made the comment's state),
-- when that decision was made, so the detail pane can say "Routed to Spotlight by Dana · 2 minutes
-- ago". The sync's apply writes both from the change log; the moderator's own decisions write them
-- here, at once (not when the server confirms them: offline, the pane must still say "by you").
-- Solo files: the trigger does nothing, both stay null, and the pane is unchanged.
ALTER TABLE items ADD COLUMN team_decided_at INTEGER;

CREATE TRIGGER team_decided_here AFTER UPDATE OF status, route, routed_at, snoozed_until, snooze_until_reply, back_from_snooze,
  note, service_state, service_exported_at, resolution, answered_by ON items
  WHEN EXISTS (SELECT 1 FROM team_link) AND NOT EXISTS (SELECT 1 FROM team_applying)
   AND (old.status IS NOT new.status OR old.route IS NOT new.route OR old.routed_at IS NOT new.routed_at
        OR old.snoozed_until IS NOT new.snoozed_until OR old.snooze_until_reply IS NOT new.snooze_until_reply
        OR old.back_from_snooze IS NOT new.back_from_snooze OR old.note IS NOT new.note OR old.service_state IS NOT new.service_state
        OR old.service_exported_at IS NOT new.service_exported_at OR old.resolution IS NOT new.resolution
        OR old.answered_by IS NOT new.answered_by)
BEGIN
  UPDATE items SET team_by = (SELECT moderator_name FROM team_link WHERE only = 1),
                   team_decided_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
   WHERE id = new.id;
END;
