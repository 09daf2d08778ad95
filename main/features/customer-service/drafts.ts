// Reply drafts: one per comment or per incident. Saving moves an open service item to drafted;
// marking it ready checks that no placeholder is left unfilled, since exports never carry one.
import type { Db } from '../../../db/connection';
import { SwitchboardError } from '../../../common/errors';
import type { Draft } from '../../../common/types';
import { iso } from '../../../common/time';
import { applyAction } from '../queue/actions';
import { BUILT_IN_PLACEHOLDERS, placeholdersIn } from '../../../common/placeholders';

interface DraftRow {
  id: number;
  item_id: number | null;
  incident_id: number | null;
  body: string;
  templates: string;
  created_at: number;
  updated_at: number;
}

function toDraft(row: DraftRow): Draft {
  return { id: row.id, itemId: row.item_id, incidentId: row.incident_id, body: row.body, templates: JSON.parse(row.templates) as string[], createdAt: iso(row.created_at), updatedAt: iso(row.updated_at) };
}

/** The draft a comment is answered with: its own, or its incident's shared one. */
export function draftFor(db: Db, itemId: number, incidentId: number | null): Draft | null {
  const row = db
    .prepare<[number, number | null], DraftRow>('SELECT * FROM drafts WHERE item_id = ? OR (incident_id IS NOT NULL AND incident_id = ?) ORDER BY incident_id IS NULL LIMIT 1')
    .get(itemId, incidentId);
  return row ? toDraft(row) : null;
}

export interface DraftInput {
  itemId?: number;
  incidentId?: number;
  body: string;
  templates?: string[];
}

/** Saves (creating or replacing) a draft; the comments it answers become drafted if they were open. */
export function saveDraft(db: Db, input: DraftInput, now: number): Draft {
  const key = input.itemId !== undefined ? { column: 'item_id', id: input.itemId } : { column: 'incident_id', id: input.incidentId as number };
  return db.transaction(() => {
    const exists = key.column === 'item_id' ? db.prepare('SELECT 1 FROM items WHERE id = ?').get(key.id) : db.prepare('SELECT 1 FROM incidents WHERE id = ?').get(key.id);
    if (!exists) throw new SwitchboardError('not-found', 'draft', `there is no ${key.column === 'item_id' ? 'comment' : 'incident'} with id ${key.id}`);
    const before = db.prepare<[number], { body: string }>(`SELECT body FROM drafts WHERE ${key.column} = ?`).get(key.id)?.body;
    db.prepare(
      `INSERT INTO drafts (${key.column}, body, templates, created_at, updated_at) VALUES (@id, @body, @templates, @now, @now)
       ON CONFLICT (${key.column}) DO UPDATE SET body = excluded.body,
         templates = CASE WHEN @keepTemplates THEN drafts.templates ELSE excluded.templates END, updated_at = excluded.updated_at`,
    ).run({ id: key.id, body: input.body, templates: JSON.stringify(input.templates ?? []), keepTemplates: input.templates === undefined ? 1 : 0, now });
    const itemFilter = key.column === 'item_id' ? 'id = @id' : 'incident_id = @id';
    // A reply edited after it was marked ready or exported is a draft again, to be checked anew.
    const from = before !== undefined && before !== input.body ? "('open', 'ready', 'exported')" : "('open')";
    db.prepare(`UPDATE items SET service_state = 'drafted' WHERE ${itemFilter} AND service_state IN ${from}`).run({ id: key.id });
    return toDraft(db.prepare<[number], DraftRow>(`SELECT * FROM drafts WHERE ${key.column} = ?`).get(key.id) as DraftRow);
  })();
}

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

/** Starts a suggested draft (a thank-you, an invitation) unless the comment already has one with text. */
export function suggestDraft(db: Db, itemId: number, draft: { body: string; templates: string[] }, now: number): void {
  const current = draftFor(db, itemId, null);
  if (current && current.body.trim() !== '') return;
  saveDraft(db, { itemId, ...draft }, now);
}
