// Comments as the engine reads them, for the engine's tests (written for them, not taken from the evaluation set).
import type { CommentToScore } from '../../../main/features/suggestions/engine';

export function comment(text: string, earlier: { author: string; text: string }[] = [], threadTitle = 'What we shipped this week'): CommentToScore {
  return { text, author: 'Robin Vale', threadTitle, earlier };
}
