// Incidents: many people writing about the same thing at once (an outage), answered with one
// shared draft. Suggested groups are comments of the same thread, or of the same feed within a
// few hours, that share words with the one at hand.
import type { Db } from '../../../db/connection';
import { SwitchboardError } from '../../../common/errors';
import type { Incident } from '../../../common/types';
import { applyAction } from '../../../db/tables/audit-log';
import { draftFor, startIncidentDraft } from '../../../db/tables/drafts';

const WINDOW = 6 * 60 * 60_000;
const STOP_WORDS = new Set('the a an and or but is are was were be been to of in on at for with this that it my our your we i you they have has had not no can do does did any there here from by as so just still'.split(' '));

function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((word) => !STOP_WORDS.has(word)));
}

export function getIncident(db: Db, id: number): Incident {
  const row = db.prepare<[number], { id: number; title: string }>('SELECT id, title FROM incidents WHERE id = ?').get(id);
  if (!row) throw new SwitchboardError('not-found', 'incidents', `there is no incident with id ${id}`);
  const itemIds = db.prepare<[number], { id: number }>('SELECT id FROM items WHERE incident_id = ? ORDER BY published_at').all(id).map((item) => item.id);
  return { id: row.id, title: row.title, itemIds, draft: itemIds.length ? draftFor(db, itemIds[0] as number, id) : null };
}

/** Makes one incident of several service comments; their shared reply starts from the first one's draft, if any. */
export function createIncident(db: Db, itemIds: number[], title: string, now: number): Incident {
  if (itemIds.length < 2) throw new SwitchboardError('invalid-input', 'incidents', 'an incident groups at least two comments');
  return db.transaction(() => {
    const id = Number(db.prepare('INSERT INTO incidents (title, created_at) VALUES (?, ?)').run(title, now).lastInsertRowid);
    applyAction(db, 'incident', itemIds, (item) => ({ incident_id: id, service_state: item.service_state ?? 'open' }), { incidentId: id, title }, now);
    startIncidentDraft(db, id, itemIds, now);
    return getIncident(db, id);
  })();
}

/** Service comments that look like the same problem as `itemId`: same thread, or same feed and close in time, sharing words. */
export function suggestIncident(db: Db, itemId: number): number[] {
  const item = db
    .prepare<[number], { id: number; feed_id: number; thread_id: number | null; published_at: number; content_text: string }>(
      'SELECT id, feed_id, thread_id, published_at, content_text FROM items WHERE id = ?',
    )
    .get(itemId);
  if (!item) throw new SwitchboardError('not-found', 'incidents', `there is no comment with id ${itemId}`);
  const mine = words(item.content_text);
  const candidates = db
    .prepare<{ id: number; feed: number; thread: number | null; from: number; to: number }, { id: number; thread_id: number | null; content_text: string }>(
      `SELECT id, thread_id, content_text FROM items
        WHERE route = 'service' AND status = 'routed' AND incident_id IS NULL AND id <> @id
          AND ((@thread IS NOT NULL AND thread_id = @thread) OR (feed_id = @feed AND published_at BETWEEN @from AND @to))
        LIMIT 500`,
    )
    .all({ id: item.id, feed: item.feed_id, thread: item.thread_id, from: item.published_at - WINDOW, to: item.published_at + WINDOW });
  const similar = candidates.filter((candidate) => {
    const shared = [...words(candidate.content_text)].filter((word) => mine.has(word)).length;
    return shared >= 2 || (candidate.thread_id !== null && candidate.thread_id === item.thread_id && shared >= 1);
  });
  return [item.id, ...similar.map((candidate) => candidate.id)];
}
