// The moderator actions made in this window (their audit-log entries), so `z` undoes this window's
// own last action and never one a terminal or another window made meanwhile. Kept in
// sessionStorage: a reload of the tab keeps them, another tab or window keeps its own.
const KEY = 'switchboard-own-actions';
/** Enough for a day's undo; older entries drop off first. */
const KEEP = 500;

export function ownActions(): number[] {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is number => Number.isInteger(id)) : [];
  } catch {
    return [];
  }
}

/** Drops an action this window can no longer undo (another window or a terminal changed its comments since). */
export function forgetOwnAction(auditId: number): void {
  sessionStorage.setItem(KEY, JSON.stringify(ownActions().filter((id) => id !== auditId)));
}

/** Keeps the audit entry an action's answer names (every action's answer carries its `auditId`). */
export function rememberOwnAction(result: unknown): void {
  if (typeof result !== 'object' || result === null || !('auditId' in result) || typeof result.auditId !== 'number') return;
  sessionStorage.setItem(KEY, JSON.stringify([...ownActions(), result.auditId].slice(-KEEP)));
}
