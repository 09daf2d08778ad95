// Community spotlight: a member helping another (speaks to them by name or @, gives steps, a
// workaround, a link to a guide, advice, offers help, explains) or building the community
// (organising, sharing something they made, thanking others, meetups). Thread context: a reply
// after someone else's question, that helps, answers it.
import { IMPERATIVES } from '../lexicon';
import type { Fired, Reading } from '../reading';

/** Sentences (or list items) that open with an instruction: "Purge the cache. Then flush DNS." */
function instructions(r: Reading): number {
  const { words, starts } = r.a;
  let count = 0;
  for (let i = 0; i < words.length; i++) if (starts[i] === 1 && IMPERATIVES.has(words[i]!)) count++;
  return count;
}

export function spotlightSignals(r: Reading, out: Fired[]): void {
  const fire = (id: string, weight: number, reason: string): void => void out.push({ id, route: 'spotlight', weight, reason });
  // The company explaining or thanking is not a member helping; a spammer's @handle is not a member.
  if (r.companyVoice) return;
  const spam = r.english && r.cues.has('spam');
  if (r.addressee !== null && !spam) fire('replies-to-member', 1.0, `replies to another member (${r.addressee})`);
  if (!r.english) return;
  const { cues } = r;

  const steps = Math.max(r.a.listItems, instructions(r));
  if (steps >= 2) fire('gives-steps', 1.8, 'gives steps to follow');
  else if (steps === 1 && !r.asks) fire('instructs', 0.6, 'tells someone what to do');

  if (r.a.menuPaths > 0 && !r.asks) fire('menu-path', 1.6, 'shows where to find the setting');
  if (cues.has('fix')) fire('workaround', 1.6, 'gives another member a workaround');
  if (cues.has('advice') && !cues.has('request')) fire('advises', 1.1, 'advises another member what to do');
  if (cues.has('offer') && (!r.asks || r.addressee !== null)) fire('offers-help', 1.5, 'offers to help');
  if (cues.has('explain')) fire('explains', 0.7, 'explains how something works');

  const helps = cues.has('fix') || cues.has('advice') || cues.has('explain') || steps >= 2 || r.a.menuPaths > 0;
  // A question mentioning docs or a script asks about them; sharing comes with a link or without a question.
  if (cues.has('resource') && (r.a.links > 0 || !r.asks)) {
    fire('shares-resource', r.a.links > 0 ? 1.6 : 1.0, r.a.links > 0 ? 'links to a guide or something they made' : 'shares a guide or something they made');
  } else if (r.a.links > 0 && helps) fire('links-answer', 0.8, 'points to a page that answers it');

  if (cues.has('thanks')) fire('thanks-member', 1.2, 'thanks another member');
  if (cues.has('gather')) fire('organises', cues.count('gather') > 1 ? 2.0 : 0.9, 'organises a meetup or brings members together');
  if (r.thread.questionBefore && helps && !cues.has('mine')) {
    fire('answers-question', 1.0, 'answers an earlier question in the thread');
  }
}
