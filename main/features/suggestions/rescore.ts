// Scoring the Inbox again after the model changed (learning, a reset, a rule), in chunks: a pass
// walks the Inbox in time order from where it got to (kept in the database, so another process
// can tell how many wait and a restart goes on), and writes only the suggestions that changed. A
// pass made with a version that has since moved starts over with the new one. Comments stored
// before suggestions existed have none: the first pass after launch scores them.
import type { Db } from '../../../db/connection';
import { writeTransaction } from '../../../db/write';
import { inboxAfter, inboxToScore, modelState, recordPass, writeSuggestion, laneOf, storedConfidence, type CommentRow } from '../../../db/tables/suggestions';
import type { Suggestion } from '../../../common/types';
import { currentModel } from './model';
import { scoreRow, storedContext } from './score';

/**
 * A chunk (one transaction) reads this many comments and scores them until CHUNK_MS have passed:
 * a key pressed meanwhile waits for one chunk at most, however fast or slow scoring a comment is.
 */
export const RESCORE_CHUNK = 150;
export const CHUNK_MS = 8;

/** Whether the stored suggestion is this one already. */
function same(row: CommentRow, suggestion: Suggestion): boolean {
  return (
    row.scored_version !== null &&
    row.suggested_lane === laneOf(suggestion.route) &&
    row.suggested_confidence === storedConfidence(suggestion.confidence) &&
    row.suggestion_reasons === JSON.stringify(suggestion.reasons)
  );
}

/** Scores the next chunk of the Inbox; `done` when the whole Inbox is scored with the current model. */
export function rescoreChunk(db: Db, most = RESCORE_CHUNK): { done: boolean; changed: number } {
  return writeTransaction(db, () => {
    const state = modelState(db);
    if (state.rescoredVersion >= state.version) return { done: true, changed: 0 };
    const model = currentModel(db);
    const after = state.pass?.version === state.version ? state.pass.after : null;
    const rows = inboxToScore(db, after, most);
    const started = performance.now();
    let changed = 0;
    let scored = 0;
    for (const row of rows) {
      const suggestion = scoreRow(row, storedContext(db, row), model);
      scored += 1;
      if (!same(row, suggestion)) {
        writeSuggestion(db, row.id, suggestion, model.version, row.scored_version === null ? undefined : { lane: row.suggested_lane, confidence: row.suggested_confidence });
        changed += 1;
      }
      if (performance.now() - started > CHUNK_MS) break;
    }
    const last = rows[scored - 1];
    const finished = scored === rows.length && rows.length < most;
    recordPass(db, state.version, last ? { publishedAt: last.published_at, id: last.id } : after, finished);
    return { done: finished, changed };
  });
}

/** Inbox comments still waiting to be scored with the current model. */
export function pendingRescore(db: Db): number {
  const state = modelState(db);
  if (state.rescoredVersion >= state.version) return 0;
  return inboxAfter(db, state.pass?.version === state.version ? state.pass.after : null, Number.MAX_SAFE_INTEGER);
}
