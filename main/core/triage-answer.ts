// A triage action's answer, read once it is stored: the changed comments as rows, and the next
// comment in full when the console named one. One call per key; the counts follow as an event.
// Shared by every feature whose actions a key makes (the queue's routing, accepting suggestions).
import type { Db } from '../../db/connection';
import { getItem, itemContext, itemSummaries } from '../../db/tables/items';
import { SwitchboardError } from '../../common/errors';
import type { ActionResult, ShownItem, TriageResult } from '../../common/types';

/** The comment the console moves on to, in full; null when it is gone (deleted with its feed meanwhile). */
function shownItem(db: Db, id: number): ShownItem | null {
  try {
    return { detail: getItem(db, id), context: itemContext(db, id) };
  } catch (error) {
    if (error instanceof SwitchboardError && error.code === 'not-found') return null;
    throw error;
  }
}

export function triageAnswer<R extends ActionResult>(db: Db, result: R, next: number | undefined): R & TriageResult {
  return { ...result, items: itemSummaries(db, result.itemIds), next: next === undefined ? null : shownItem(db, next) };
}
