// Incidents: many people writing about the same thing at once (an outage), answered with one
// shared draft. Suggested groups are the service comments of the same thread (a thread is one
// topic: "Downtime report" replies rarely share words, "down" and "502" say the same thing), and
// those of the same feed within a few hours that share words with the one at hand. A suggestion
// only selects them: the moderator unticks any that do not belong before making the incident.
import type { Db } from '../../../db/connection';
import { SwitchboardError } from '../../../common/errors';
import type { Incident } from '../../../common/types';
import { applyAction } from '../../../db/tables/audit-log';
import { draftFor, startIncidentDraft } from '../../../db/tables/drafts';
import { incidentById, incidentCandidates, incidentItemIds, incidentSeed, insertIncident } from '../../../db/tables/incidents';
import { writeTransaction } from '../../../db/write';

const WINDOW = 6 * 60 * 60_000;
const STOP_WORDS = new Set('the a an and or but is are was were be been to of in on at for with this that it my our your we i you they have has had not no can do does did any there here from by as so just still'.split(' '));

function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((word) => !STOP_WORDS.has(word)));
}

export function getIncident(db: Db, id: number): Incident {
  const row = incidentById(db, id);
  if (!row) throw new SwitchboardError('not-found', 'incidents', `there is no incident with id ${id}`);
  const itemIds = incidentItemIds(db, id);
  return { id: row.id, title: row.title, itemIds, draft: itemIds.length ? draftFor(db, itemIds[0] as number, id) : null };
}

/** Makes one incident of several service comments; their shared reply starts from the first one's draft, if any. */
export function createIncident(db: Db, itemIds: number[], title: string, now: number): Incident {
  if (itemIds.length < 2) throw new SwitchboardError('invalid-input', 'incidents', 'an incident groups at least two comments');
  return writeTransaction(db, () => {
    const id = insertIncident(db, title, now);
    applyAction(db, 'incident', itemIds, (item) => ({ incident_id: id, service_state: item.service_state ?? 'open' }), { incidentId: id, title }, now);
    startIncidentDraft(db, id, itemIds, now);
    return getIncident(db, id);
  });
}

/** Service comments that look like the same problem as `itemId`: same thread, or same feed, close in time and sharing words. */
export function suggestIncident(db: Db, itemId: number): number[] {
  const item = incidentSeed(db, itemId);
  if (!item) throw new SwitchboardError('not-found', 'incidents', `there is no comment with id ${itemId}`);
  const mine = words(item.contentText);
  const candidates = incidentCandidates(db, { itemId: item.id, feedId: item.feedId, threadId: item.threadId, from: item.publishedAt - WINDOW, to: item.publishedAt + WINDOW });
  const similar = candidates.filter((candidate) => {
    if (candidate.threadId !== null && candidate.threadId === item.threadId) return true;
    return [...words(candidate.contentText)].filter((word) => mine.has(word)).length >= 2;
  });
  return [item.id, ...similar.map((candidate) => candidate.id)];
}
