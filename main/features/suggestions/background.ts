// A console's background work on suggestions: after any change to comments (a key, a fetch,
// another process's writes, a reset), learn the decisions queued, then score the Inbox again with
// the new model, one chunk at a time with the event loop free in between, so keys are answered
// meanwhile. A burst of decisions is learned and scored once: the work starts after a pause.
// When a pass changed suggestions, consoles hear it (items-changed, reason 'suggestions').
import type { CoreContext } from '../../core/context';
import { learnQueued } from './learn';
import { rescoreChunk } from './rescore';

/**
 * The pause after the last change before learning and scoring start: a moderator routing one
 * comment after another is one burst, and the Inbox is scored again once, when they pause, rather
 * than between their keys (the decisions wait safely in their queue meanwhile).
 */
export const SETTLE_MS = 1_000;

/** Starts the work (at once: comments stored before suggestions wait for their first score); returns the function that stops it. */
export function startSuggestionWork(ctx: CoreContext, log: (line: string) => void): () => void {
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let stopped = false;
  let changed = 0;

  const step = () => {
    running = false;
    if (stopped || !ctx.db.open || ctx.db.readonly) return;
    try {
      if (learnQueued(ctx.db) > 0) return next();
      const pass = rescoreChunk(ctx.db);
      changed += pass.changed;
      if (!pass.done) return next();
      if (changed > 0) ctx.events.emit('items-changed', { reason: 'suggestions' });
      changed = 0;
    } catch (error) {
      // Busy, full or damaged: the next change tries again; nothing waits on this.
      log(`switchboard: suggestions: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  // setImmediate lets a request that arrived during a chunk be answered before the next chunk.
  const next = () => {
    running = true;
    setImmediate(step);
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (!running) next();
    }, delay);
    timer.unref();
  };

  const unsubscribe = ctx.events.subscribe((event) => {
    if ((event.name === 'items-changed' && event.payload.reason !== 'suggestions') || event.name === 'database-restored') schedule(SETTLE_MS);
  });
  schedule(0);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}
