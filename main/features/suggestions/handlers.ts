// The suggestions' operations (common/contract/suggestions.ts): a text's suggestion, accepting
// suggestions (a selection, or every Inbox comment above a confidence) as one undoable action,
// what has been learned, and forgetting it.
import type { FeatureHandlers } from '../../core/context';
import { catchUpBeforeRead, runAndAnnounce } from '../../core/changes';
import { triageAnswer } from '../../core/triage-answer';
import { writeTransaction } from '../../../db/write';
import { clearLearned, learnedTotals } from '../../../db/tables/learned';
import { learnedChanged, storedSuggestions } from '../../../db/tables/suggestions';
import { MOST_IN_ONE_ACTION } from '../../../common/contract/shared';
import { suggest } from './engine';
import { currentModel, forgetModel } from './model';
import { acceptAbove, acceptableAbove, acceptSuggestions } from './accept';
import { pendingRescore } from './rescore';

export const suggestionsHandlers = {
  'suggest-text': (ctx, input) => {
    const model = currentModel(ctx.db);
    const comment = { text: input.text, author: input.author ?? '', threadTitle: input.threadTitle ?? '' };
    // As a new comment of no feed: a rule limited to a feed does not vote.
    return suggest({ ...comment, earlier: [] }, model.learned, model.rules.votes({ ...comment, feedId: 0 }));
  },
  'items-suggestions': (ctx, input) => storedSuggestions(ctx.db, input.ids),
  'items-accept': (ctx, input) => triageAnswer(ctx.db, runAndAnnounce(ctx, 'accept', () => acceptSuggestions(ctx.db, input.ids, ctx.now())), input.next),
  'suggestions-accept-above': (ctx, input) => {
    catchUpBeforeRead(ctx);
    if (input.preview) return { ...acceptableAbove(ctx.db, input.threshold, MOST_IN_ONE_ACTION).summary, auditId: null };
    // What qualifies is read in the transaction that routes it: the preview's count is what is routed.
    // The answer names its audit entry, so the items-changed event does too (the console that acted need not reload).
    return runAndAnnounce(ctx, 'accept', () => {
      const { summary, result } = writeTransaction(ctx.db, () => acceptAbove(ctx.db, input.threshold, MOST_IN_ONE_ACTION, ctx.now(), input.expect));
      return { ...summary, auditId: result?.auditId ?? null };
    });
  },
  'suggestions-status': (ctx) => ({ learned: learnedTotals(ctx.db), pendingRescore: pendingRescore(ctx.db) }),
  'suggestions-reset': (ctx) => {
    runAndAnnounce(ctx, 'suggestions-reset', () =>
      writeTransaction(ctx.db, () => {
        clearLearned(ctx.db);
        learnedChanged(ctx.db);
      }),
    );
    forgetModel(ctx.db);
    return { learned: learnedTotals(ctx.db), pendingRescore: pendingRescore(ctx.db) };
  },
} satisfies FeatureHandlers;
