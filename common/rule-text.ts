// A routing rule in words, for `switchboard rules list` and the console's list of rules:
// "says "refund" or "chargeback", has a link → route to customer service".
import type { RuleAction, RuleConditions } from './contract/rules';
import { ROUTE_LABELS } from './labels';

const quoted = (text: string) => `"${text}"`;

function orWords(words: readonly string[]): string {
  const shown = words.map(quoted);
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
}

export function conditionsText(when: RuleConditions): string {
  const parts: string[] = [];
  if (when.words) parts.push(`says ${orWords(when.words)}`);
  if (when.pattern !== undefined) parts.push(`matches /${when.pattern}/`);
  if (when.author !== undefined) parts.push(`by ${when.author}`);
  if (when.feedId !== undefined) parts.push(`in feed ${when.feedId}`);
  if (when.thread !== undefined) parts.push(`thread title says ${quoted(when.thread)}`);
  if (when.hasLink !== undefined) parts.push(when.hasLink ? 'has a link' : 'has no link');
  if (when.linkOrEmojiOnly) parts.push('only links or emoji');
  if (when.minLength !== undefined) parts.push(`at least ${when.minLength} characters`);
  if (when.maxLength !== undefined) parts.push(`at most ${when.maxLength} characters`);
  if (when.language !== undefined) parts.push(when.language === 'other' ? 'not in English' : `in language ${when.language}`);
  return parts.join(', ');
}

export function actionText(then: RuleAction): string {
  switch (then.kind) {
    case 'suggest':
      return `suggest ${then.route === 'ignore' ? 'ignoring' : ROUTE_LABELS[then.route].destination} (weight ${then.weight ?? 3})`;
    case 'route':
      return then.route === 'ignore' ? 'ignore' : `route to ${ROUTE_LABELS[then.route].destination}`;
    case 'snooze':
      return `snooze ${then.hours} hour${then.hours === 1 ? '' : 's'}`;
  }
}
