// Learning from the moderator's decisions: the comments whose lane changed (learn_queue, filled by
// a trigger with the change itself, whichever door made it) are learned as their lane is now. A
// comment learned as one lane and now in another moves; one back in the Inbox (an undo) is
// forgotten, taking back exactly the features it added. Small chunks, each one transaction, so a
// key pressed meanwhile waits for one chunk at most.
import type { Db } from '../../../db/connection';
import { writeTransaction } from '../../../db/write';
import { dequeue, forgetLearned, learningState, queuedCount, queuedForLearning, rememberLearned, setDecisions, setFeatureCount } from '../../../db/tables/learned';
import { commentsToScore, learnedChanged } from '../../../db/tables/suggestions';
import type { Route } from '../../../common/types';
import { ALL_FEATURES, featuresOf, learn } from './engine';
import { advanceModel, currentModel, type Model } from './model';
import { commentOf, storedContext } from './score';

/** Comments learned per chunk: a chunk of a bulk action's 10,000 takes a few ms. */
export const LEARN_CHUNK = 200;

/** Learns up to `most` queued comments; returns how many it took from the queue (0: nothing waits). */
export function learnQueued(db: Db, most = LEARN_CHUNK): number {
  return writeTransaction(db, () => {
    const ids = queuedForLearning(db, most);
    if (ids.length === 0) return 0;
    const model = currentModel(db);
    const states = learningState(db, ids);
    const toLearn = new Map(commentsToScore(db, states.filter((state) => state.route !== null && state.route !== state.learnedRoute).map((state) => state.id)).map((row) => [row.id, row]));
    let changed = false;
    for (const state of states) {
      // A comment deleted with its feed keeps what it taught: it was a decision all the same.
      if (!state.exists || state.route === state.learnedRoute) continue;
      if (state.learnedRoute !== null) {
        count(db, model, JSON.parse(state.learnedFeatures ?? '[]') as string[], state.learnedRoute, -1);
        forgetLearned(db, state.id);
      }
      const row = toLearn.get(state.id);
      if (state.route !== null && row) {
        const features = featuresOf(commentOf(row, storedContext(db, row)));
        count(db, model, features, state.route, 1);
        rememberLearned(db, state.id, state.route, features);
      }
      changed = true;
    }
    dequeue(db, ids);
    if (changed) advanceModel(db, model, model.learnedVersion, learnedChanged(db));
    return ids.length;
  });
}

/**
 * Adds or takes away one comment's features in a lane: in the cached model (the engine's learn),
 * then each count it touched (the comment's features and the engine's total per lane) written as
 * the model now holds it, so the stored counts are the model's, exactly.
 */
function count(db: Db, model: Model, features: readonly string[], route: Route, delta: 1 | -1): void {
  learn(model.learned, features, route, delta);
  setDecisions(db, route, model.learned.decisions[route]);
  for (const feature of [...features, ALL_FEATURES]) setFeatureCount(db, feature, route, model.learned.features.get(feature)?.[route] ?? 0);
}

/**
 * Learns everything queued (the CLI, before it exits: its decisions are learned by the time it
 * returns). A look first: most commands decide nothing, and need not wait for the write lock.
 */
export function learnAll(db: Db): void {
  while (queuedCount(db) > 0 && learnQueued(db) > 0);
}
