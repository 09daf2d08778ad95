// Reply drafts through the customer-service desk: marking one ready checks that no placeholder is
// left unfilled, since exports never carry one; resolving closes the comment.
import type { Db } from '../../../db/connection';
import { applyAction } from '../../../db/tables/audit-log';
import { draftFor } from '../../../db/tables/drafts';
import { SwitchboardError } from '../../../common/errors';
import type { Draft } from '../../../common/types';
import { BUILT_IN_PLACEHOLDERS, placeholdersIn } from '../../../common/placeholders';

/**
 * Placeholders still in a draft that an export could not fill: any but the built-in ones in an
 * incident's shared draft (filled per person), any at all in a single comment's draft.
 */
export function unfilledPlaceholders(draft: Draft): string[] {
  const builtIn = new Set<string>(BUILT_IN_PLACEHOLDERS);
  return placeholdersIn(draft.body).filter((name) => draft.incidentId === null || !builtIn.has(name));
}

export function markReady(db: Db, itemIds: number[], now: number) {
  for (const id of itemIds) {
    const incident = db.prepare<[number], { incident_id: number | null }>('SELECT incident_id FROM items WHERE id = ?').get(id);
    if (!incident) throw new SwitchboardError('not-found', 'draft', `there is no comment with id ${id}`);
    const draft = draftFor(db, id, incident.incident_id);
    if (!draft || draft.body.trim() === '') throw new SwitchboardError('invalid-input', 'draft', `comment ${id} has no reply drafted yet`);
    const unfilled = unfilledPlaceholders(draft);
    if (unfilled.length) {
      throw new SwitchboardError('invalid-input', 'draft', `the reply to comment ${id} still has ${unfilled.map((name) => `{{${name}}}`).join(', ')}; fill it in before marking it ready`);
    }
  }
  return applyAction(db, 'draft-ready', itemIds, { service_state: 'ready' }, {}, now);
}

/** Resolved: answered (by the company's reply); the comment is done. */
export function resolveItems(db: Db, itemIds: number[], now: number) {
  return applyAction(db, 'resolve', itemIds, { service_state: 'resolved', resolution: 'replied', status: 'done' }, {}, now);
}
