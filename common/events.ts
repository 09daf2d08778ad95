// Push events, from the service out to every door (IPC send in Electron, server-sent events in
// browser mode). Plain data only: this file is shared with the renderer.
import type { DatabaseDamage, ViewCounts } from './types';

export interface EventMap {
  /**
   * Items were added, changed or removed; views should refresh what they show. A moderator action's
   * event carries its audit-log entry (undo: the entry undone), so the console that made it, which
   * already updated its screen from the answer, can tell it from changes made elsewhere.
   */
  'items-changed': { reason: string; auditId?: number };
  /** The sidebar counts after a change. */
  'counts-changed': ViewCounts;
  /** A fetch run's progress; `finished` on its last event (done may be short of total when cancelled). */
  'fetch-progress': { done: number; total: number; newItems: number; finished: boolean };
  /** Subscriptions or their health changed; the feed list should refresh. */
  'feeds-changed': Record<string, never>;
  /** Whether feeds can be reached; offline, fetching waits and everything stored stays usable. */
  'network-changed': { online: boolean };
  /** The full check found the database damaged: it is read-only from now on, until a backup is restored. */
  'database-damaged': DatabaseDamage;
  /** A backup replaced the database: every console reloads everything it shows. */
  'database-restored': { restored: string; keptAside: string | null };
  /** In a team workspace: being online, the outbox, conflicts or who else is connected changed (read team-status). */
  'team-changed': Record<string, never>;
}

export type EventName = keyof EventMap;

/** One event: its name and that event's payload (a union the renderer can switch on). */
export type SwitchboardEvent = { [N in EventName]: { name: N; payload: EventMap[N] } }[EventName];

export const EVENT_NAMES: readonly EventName[] = ['items-changed', 'counts-changed', 'fetch-progress', 'feeds-changed', 'network-changed', 'database-damaged', 'database-restored', 'team-changed'];
