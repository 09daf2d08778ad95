// How the console says what other moderators do: a lease on a row ("Dana is replying"), a
// conflict's two sides ("Routed to Spotlight by Dana 2 minutes ago" against "yours: Customer
// service"), and where the desktop stands with the team server. One home, so the row, the detail
// pane, the header and the conflicts panel say it the same way.
import { VIEW_LABELS } from '../../../common/labels';
import { count } from '../../../common/plural';
import type { ItemDetail, ItemStatus, Route, TeamConflict, TeamLease, TeamStatus } from '../../../common/types';

const DOING: Record<TeamLease['purpose'], string> = {
  reply: 'is replying',
  open: 'has it open',
  checkout: 'checked it out',
};

/** "Dana is replying", "Dana has it open", "Dana checked it out". */
export function leaseWords(lease: TeamLease): string {
  return `${lease.holder} ${DOING[lease.purpose]}`;
}

interface Place {
  status: ItemStatus;
  route: Route | null;
}

/** Where a comment is, as the sidebar names its views: "Customer service", "Spotlight", "Done". */
export function placeWords(place: Place): string {
  if (place.status === 'new') return VIEW_LABELS.inbox;
  if (place.status === 'snoozed') return VIEW_LABELS.snoozed;
  if (place.status === 'done') return VIEW_LABELS.done;
  if (place.route === 'ignore') return VIEW_LABELS.ignored;
  return place.route === 'spotlight' ? VIEW_LABELS.spotlight : VIEW_LABELS.service;
}

/** What was done to put a comment there: "Routed to Spotlight", "Ignored", "Marked done". */
function deedWords(place: Place): string {
  if (place.status === 'new') return 'Put back in the Inbox';
  if (place.status === 'snoozed') return 'Snoozed';
  if (place.status === 'done') return 'Marked done';
  if (place.route === 'ignore') return 'Ignored';
  return `Routed to ${placeWords(place)}`;
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "2 minutes ago", "yesterday", "now". */
export function ago(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
  for (const [unit, size] of STEPS) {
    if (seconds >= size) return relative.format(-Math.floor(seconds / size), unit);
  }
  return 'just now';
}

/** The workspace's side of a conflict: "Routed to Spotlight by Dana 2 minutes ago". */
export function theirsWords(conflict: TeamConflict, now = Date.now()): string {
  const { theirs } = conflict;
  if (theirs === null) return 'No longer in the workspace';
  // Refused for a lease, nothing was done to it: say where it is, not who last moved it.
  if (conflict.reason === 'leased') return `Held by another moderator; now in ${placeWords(theirs)}`;
  const by = theirs.by ? ` by ${theirs.by}` : '';
  const when = theirs.at ? ` ${ago(theirs.at, now)}` : '';
  return `${deedWords(theirs)}${by}${when}`;
}

/**
 * Who put the comment shown where it is, and when: "Routed to Spotlight by Dana · 2 minutes ago"
 * ("by you" for this moderator's own). Null when nobody in the team decided it (and always solo).
 */
export function decidedWords(detail: Pick<ItemDetail, 'status' | 'route' | 'decidedBy' | 'decidedAt'>, me: string | null, now = Date.now()): string | null {
  if (detail.decidedBy === null) return null;
  const by = detail.decidedBy === me ? 'you' : detail.decidedBy;
  return `${deedWords(detail)} by ${by}${detail.decidedAt ? ` · ${ago(detail.decidedAt, now)}` : ''}`;
}

/** Why the workspace refused this desktop's decision, in a few words. */
export const CONFLICT_REASONS: Record<TeamConflict['reason'], string> = {
  stale: 'changed by someone else before your decision arrived',
  leased: 'another moderator held it',
  missing: 'it is no longer in the workspace',
};

type Team = Extract<TeamStatus, { mode: 'team' }>;

/** The header's sync state: "Online", "Syncing 3 decisions", "Offline · 3 decisions waiting to send". */
export function syncWords(team: Team): string {
  if (!team.online) return team.outbox > 0 ? `Offline · ${count(team.outbox, 'decision')} waiting to send` : 'Offline';
  return team.outbox > 0 ? `Syncing ${count(team.outbox, 'decision')}` : 'Online';
}
