// Change-log entries as the team server writes them, for the sync's SQLite-side tests.
import type { CommentState, TeamChange, TeamComment, TeamFeed } from '../../common/team-wire';

export const NEW_STATE: CommentState = {
  status: 'new',
  route: null,
  routed_at: null,
  snoozed_until: null,
  snooze_until_reply: 0,
  back_from_snooze: 0,
  note: null,
  service_state: null,
  service_exported_at: null,
  resolution: null,
  answered_by: null,
};

export const AT = Date.UTC(2026, 10, 26, 9);

export function teamFeed(id: number, title = 'Acme forum'): TeamFeed {
  return { id, url: `https://forum.acme.example/feed-${id}.rss`, title, siteUrl: 'https://forum.acme.example/', kind: 'comments', removed: false, lastSuccessAt: AT, errorMessage: null };
}

export function teamComment(id: number, feedId: number, text: string, author = 'Priya'): TeamComment {
  return {
    id,
    feedId,
    guid: `guid-${id}`,
    threadUrl: 'https://forum.acme.example/t/outage',
    threadTitle: 'Is the site down?',
    url: `https://forum.acme.example/t/outage/${id}`,
    author,
    authorUrl: null,
    publishedAt: AT + id * 1000,
    contentHtml: `<p>${text}</p>`,
    contentText: text,
    state: NEW_STATE,
    version: 1,
    updatedBy: null,
    updatedAt: AT,
    lease: null,
  };
}

/** A log of changes numbered from `from`. */
export function numbered(from: number, changes: Array<DistributiveOmit<TeamChange, 'seq' | 'at' | 'by'> & { by?: string | null }>): TeamChange[] {
  return changes.map((change, k) => ({ by: null, ...change, seq: from + k, at: AT + k }) as TeamChange);
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
