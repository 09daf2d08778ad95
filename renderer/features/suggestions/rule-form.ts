// The rule editor's fields (text as typed) to and from a rule. What a valid rule is lives in one
// place, common/contract/rules.ts: the form checks its draft against that schema and says each
// problem in the words of the form's own labels.
import { ruleDraft, type Rule, type RuleAction, type RuleConditions, type RuleDraft } from '../../../common/contract/rules';
import type { Route } from '../../../common/types';

export interface RuleForm {
  name: string;
  enabled: boolean;
  /** One word or phrase a line. */
  words: string;
  pattern: string;
  author: string;
  feedId: string;
  thread: string;
  hasLink: '' | 'yes' | 'no';
  linkOrEmojiOnly: boolean;
  minLength: string;
  maxLength: string;
  language: string;
  action: RuleAction['kind'];
  route: Route;
  weight: string;
  hours: string;
}

export const EMPTY_RULE_FORM: RuleForm = {
  name: '',
  enabled: true,
  words: '',
  pattern: '',
  author: '',
  feedId: '',
  thread: '',
  hasLink: '',
  linkOrEmojiOnly: false,
  minLength: '',
  maxLength: '',
  language: '',
  action: 'suggest',
  route: 'service',
  weight: '3',
  hours: '24',
};

/** The form's label of each field, to name it in a problem. */
const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  words: 'Words or phrases',
  pattern: 'Regular expression',
  author: 'Author',
  feedId: 'Feed',
  thread: 'Thread title',
  minLength: 'Length from',
  maxLength: 'Length to',
  language: 'Language',
  weight: 'Weight',
  hours: 'Hours',
  when: 'Conditions',
};

const trimmed = (text: string) => (text.trim() === '' ? undefined : text.trim());
const number = (text: string) => (text.trim() === '' ? undefined : Number(text));

export function draftOf(form: RuleForm): RuleDraft {
  const words = form.words
    .split('\n')
    .map((word) => word.trim())
    .filter(Boolean);
  const when: Record<string, unknown> = {
    words: words.length > 0 ? words : undefined,
    pattern: form.pattern === '' ? undefined : form.pattern,
    author: trimmed(form.author),
    feedId: number(form.feedId),
    thread: trimmed(form.thread),
    hasLink: form.hasLink === '' ? undefined : form.hasLink === 'yes',
    linkOrEmojiOnly: form.linkOrEmojiOnly ? true : undefined,
    minLength: number(form.minLength),
    maxLength: number(form.maxLength),
    language: trimmed(form.language)?.toLowerCase(),
  };
  const then: RuleAction =
    form.action === 'suggest'
      ? { kind: 'suggest', route: form.route, weight: Number(form.weight) }
      : form.action === 'route'
        ? { kind: 'route', route: form.route }
        : { kind: 'snooze', hours: Number(form.hours) };
  return {
    name: form.name,
    enabled: form.enabled,
    when: Object.fromEntries(Object.entries(when).filter(([, value]) => value !== undefined)) as RuleConditions,
    then,
  };
}

export function formOf(rule: Rule): RuleForm {
  const { when, then } = rule;
  return {
    ...EMPTY_RULE_FORM,
    name: rule.name,
    enabled: rule.enabled,
    words: (when.words ?? []).join('\n'),
    pattern: when.pattern ?? '',
    author: when.author ?? '',
    feedId: when.feedId === undefined ? '' : String(when.feedId),
    thread: when.thread ?? '',
    hasLink: when.hasLink === undefined ? '' : when.hasLink ? 'yes' : 'no',
    linkOrEmojiOnly: when.linkOrEmojiOnly === true,
    minLength: when.minLength === undefined ? '' : String(when.minLength),
    maxLength: when.maxLength === undefined ? '' : String(when.maxLength),
    language: when.language ?? '',
    action: then.kind,
    route: then.kind === 'snooze' ? 'service' : then.route,
    weight: then.kind === 'suggest' ? String(then.weight) : EMPTY_RULE_FORM.weight,
    hours: then.kind === 'snooze' ? String(then.hours) : EMPTY_RULE_FORM.hours,
  };
}

function sentenceOf(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
}

/** What is wrong with the form's rule, one sentence per problem naming the field; empty when it is valid. */
export function problemsOf(draft: RuleDraft): string[] {
  const parsed = ruleDraft.safeParse(draft);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const field = [...issue.path].reverse().find((key) => typeof key === 'string' && key in FIELD_LABELS);
    // A pattern's problem names the rule (for the CLI and imported files); here the rule is the one on screen.
    if (/^rule '/.test(issue.message)) return sentenceOf(issue.message.replace(/^rule '.*?': /s, ''));
    const message = issue.message.replace(/^Invalid input: /, '');
    return field === undefined ? sentenceOf(message) : `${FIELD_LABELS[field as string]}: ${message}.`;
  });
}

/** The rule in a line for the list: "words "refund", "chargeback" → suggest customer service (weight 3)". */
export function summaryOf(rule: Pick<Rule, 'when' | 'then'>, feedTitle: (id: number) => string): string {
  const { when, then } = rule;
  const parts = [
    when.words && `words ${when.words.map((word) => `"${word}"`).join(', ')}`,
    when.pattern && `matches /${when.pattern}/`,
    when.author && `by ${when.author}`,
    when.feedId !== undefined && `in ${feedTitle(when.feedId)}`,
    when.thread && `thread "${when.thread}"`,
    when.hasLink !== undefined && (when.hasLink ? 'has a link' : 'has no link'),
    when.linkOrEmojiOnly && 'links or emoji only',
    when.minLength !== undefined && `at least ${when.minLength} characters`,
    when.maxLength !== undefined && `at most ${when.maxLength} characters`,
    when.language && (when.language === 'other' ? 'not in English' : `language ${when.language}`),
  ].filter(Boolean);
  const lane = (route: Route) => (route === 'service' ? 'customer service' : route === 'spotlight' ? 'the spotlight' : 'ignore');
  const action =
    then.kind === 'suggest' ? `suggest ${lane(then.route)} (weight ${then.weight ?? 3})` : then.kind === 'route' ? (then.route === 'ignore' ? 'ignore' : `route to ${lane(then.route)}`) : `snooze ${then.hours} h`;
  return `${parts.join(' and ')} → ${action}`;
}
