// Reply drafts: one per comment or per incident, shared by the customer-service desk and the
// spotlight's thank-yous and invitations. Saving moves an open service item to drafted.
import type { Db } from '../connection';
import { prepared } from '../statements';
import { incidentById } from './incidents';
import { SwitchboardError } from '../../common/errors';
import type { Draft } from '../../common/types';
import { iso } from '../../common/time';
import { writeTransaction } from '../write';

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
  const row = prepared<[number, number | null], DraftRow>(db, 'SELECT * FROM drafts WHERE item_id = ? OR (incident_id IS NOT NULL AND incident_id = ?) ORDER BY incident_id IS NULL LIMIT 1')
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
  return writeTransaction(db, () => {
    const exists = key.column === 'item_id' ? prepared(db, 'SELECT 1 FROM items WHERE id = ?').get(key.id) : incidentById(db, key.id);
    if (!exists) throw new SwitchboardError('not-found', 'draft', `there is no ${key.column === 'item_id' ? 'comment' : 'incident'} with id ${key.id}`);
    const before = prepared<[number], { body: string }>(db, `SELECT body FROM drafts WHERE ${key.column} = ?`).get(key.id)?.body;
    prepared(db, 
      `INSERT INTO drafts (${key.column}, body, templates, created_at, updated_at) VALUES (@id, @body, @templates, @now, @now)
       ON CONFLICT (${key.column}) DO UPDATE SET body = excluded.body,
         templates = CASE WHEN @keepTemplates THEN drafts.templates ELSE excluded.templates END, updated_at = excluded.updated_at`,
    ).run({ id: key.id, body: input.body, templates: JSON.stringify(input.templates ?? []), keepTemplates: input.templates === undefined ? 1 : 0, now });
    const itemFilter = key.column === 'item_id' ? 'id = @id' : 'incident_id = @id';
    // A reply edited after it was marked ready or exported is a draft again, to be checked anew.
    const from = before !== undefined && before !== input.body ? "('open', 'ready', 'exported')" : "('open')";
    prepared(db, `UPDATE items SET service_state = 'drafted' WHERE ${itemFilter} AND service_state IN ${from}`).run({ id: key.id });
    return toDraft(prepared<[number], DraftRow>(db, `SELECT * FROM drafts WHERE ${key.column} = ?`).get(key.id) as DraftRow);
  });
}

/** Starts a suggested draft (a thank-you, an invitation) unless the comment already has one with text. */
export function suggestDraft(db: Db, itemId: number, draft: { body: string; templates: string[] }, now: number): void {
  const current = draftFor(db, itemId, null);
  if (current && current.body.trim() !== '') return;
  saveDraft(db, { itemId, ...draft }, now);
}

/** An incident's shared reply starts from the first of its comments' drafts that has text, if any. */
export function startIncidentDraft(db: Db, incidentId: number, itemIds: number[], now: number): void {
  const first = db.prepare<number[], { body: string }>(`SELECT body FROM drafts WHERE item_id IN (${itemIds.map(() => '?').join(', ')}) AND body <> '' LIMIT 1`).get(...itemIds);
  if (first) prepared(db, 'INSERT INTO drafts (incident_id, body, created_at, updated_at) VALUES (?, ?, ?, ?)').run(incidentId, first.body, now, now);
}
