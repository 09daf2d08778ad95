// The moderator's routing rules from the terminal: list, add, test (a preview, nothing saved),
// apply, delete, move, export and import. A rule is given with flags or as JSON, and checked
// against the same definition the console's editor and an imported file are (common/contract/rules.ts).
import fs from 'node:fs';
import { Option, type Command } from 'commander';
import { SwitchboardError } from '../../../common/errors';
import { checkRule, ruleLabel, PATTERN_GIVE_UP_AFTER, PATTERN_TIME_LIMIT_MS, type RuleDraft } from '../../../common/contract/rules';
import { route as routeSchema, MOST_IN_ONE_ACTION } from '../../../common/contract/shared';
import { actionText, conditionsText } from '../../../common/rule-text';
import { ROUTE_LABELS } from '../../../common/labels';
import { oneOf, orList, parseId, table, type CliContext } from './context';
import { cannotRead } from '../../platform/write-failure';

interface RuleFlags {
  name?: string;
  words?: string;
  pattern?: string;
  author?: string;
  feed?: string;
  thread?: string;
  hasLink?: boolean;
  link?: boolean;
  linkOnly?: boolean;
  minLength?: string;
  maxLength?: string;
  language?: string;
  suggest?: string;
  weight?: string;
  route?: string;
  ignore?: boolean;
  snoozeHours?: string;
}

const count = (n: number, what: string) => `${n.toLocaleString('en')} ${what}${n === 1 ? '' : 's'}`;

function wholeNumber(text: string, flag: string): number {
  if (!/^[0-9]+$/.test(text)) throw new SwitchboardError('invalid-input', 'cli', `${flag} must be a whole number, not "${text}"`);
  return Number(text);
}

function parseJsonRule(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SwitchboardError('invalid-input', 'cli', `the rule ${JSON.stringify(text.slice(0, 80))} is not valid JSON; write it like '{"name": "Refunds", "when": {"words": ["refund"]}, "then": {"kind": "route", "route": "service"}}'`);
  }
}

/** What the flags say the rule does; `fallback` when none says (`rules test` needs no action). */
function actionOf(flags: RuleFlags, fallback?: RuleDraft['then']): RuleDraft['then'] {
  const given = [flags.suggest !== undefined, flags.route !== undefined, flags.ignore === true, flags.snoozeHours !== undefined].filter(Boolean).length;
  if (given > 1) throw new SwitchboardError('invalid-input', 'cli', 'give one action: --suggest LANE, --route LANE, --ignore or --snooze-hours H');
  if (flags.weight !== undefined && flags.suggest === undefined) throw new SwitchboardError('invalid-input', 'cli', '--weight goes with --suggest LANE');
  if (flags.suggest !== undefined) return { kind: 'suggest', route: oneOf(routeSchema.options, flags.suggest, '--suggest'), weight: flags.weight === undefined ? 3 : wholeNumber(flags.weight, '--weight') };
  if (flags.route !== undefined) return { kind: 'route', route: oneOf(routeSchema.options, flags.route, '--route') };
  if (flags.ignore) return { kind: 'route', route: 'ignore' };
  if (flags.snoozeHours !== undefined) return { kind: 'snooze', hours: wholeNumber(flags.snoozeHours, '--snooze-hours') };
  if (fallback) return fallback;
  throw new SwitchboardError('invalid-input', 'cli', 'say what the rule does: --suggest LANE [--weight 1-5], --route LANE, --ignore or --snooze-hours H');
}

/** The rule the flags (or --json) describe, checked against the one definition of a rule. */
function ruleFromFlags(json: string | undefined, flags: RuleFlags, fallback?: { name: string; then: RuleDraft['then'] }): RuleDraft {
  let raw: unknown;
  if (json !== undefined) raw = parseJsonRule(json);
  else {
    if (flags.hasLink && flags.link === false) throw new SwitchboardError('invalid-input', 'cli', 'give --has-link or --no-link, not both');
    const when: RuleDraft['when'] = {
      ...(flags.words !== undefined && { words: flags.words.split(',').map((word) => word.trim()).filter((word) => word !== '') }),
      ...(flags.pattern !== undefined && { pattern: flags.pattern }),
      ...(flags.author !== undefined && { author: flags.author }),
      ...(flags.feed !== undefined && { feedId: parseId(flags.feed, '--feed') }),
      ...(flags.thread !== undefined && { thread: flags.thread }),
      ...(flags.hasLink && { hasLink: true }),
      ...(flags.link === false && { hasLink: false }),
      ...(flags.linkOnly && { linkOrEmojiOnly: true as const }),
      ...(flags.minLength !== undefined && { minLength: wholeNumber(flags.minLength, '--min-length') }),
      ...(flags.maxLength !== undefined && { maxLength: wholeNumber(flags.maxLength, '--max-length') }),
      ...(flags.language !== undefined && { language: flags.language }),
    };
    if (flags.name === undefined && fallback === undefined) throw new SwitchboardError('invalid-input', 'cli', 'give the rule a name: --name NAME');
    if (Object.keys(when).length === 0) throw new SwitchboardError('invalid-input', 'cli', 'give the rule at least one condition: --words, --pattern, --author, --feed, --thread, --has-link, --no-link, --link-only, --min-length, --max-length or --language');
    raw = { name: flags.name ?? fallback?.name, when, then: actionOf(flags, fallback?.then) };
  }
  try {
    return checkRule(raw, ruleLabel(raw));
  } catch (error) {
    throw new SwitchboardError('invalid-input', 'cli', (error as Error).message);
  }
}

/**
 * The flags that describe a rule, on `rules add` and `rules test`; or the whole rule as one JSON
 * argument (`rules add --json '{...}'` works too: the global --json then prints the answer as JSON).
 */
function ruleOptions(command: Command): Command {
  return command
    .argument('[rule-json]', 'the whole rule as JSON, as "switchboard rules export" writes each one, instead of the flags')
    .option('--name <name>', 'what the rule is called (in lists and in the reasons of a suggestion)')
    .option('--words <list>', 'any of these words or phrases, comma-separated, as whole words in any case')
    .option('--pattern <regex>', `a regular expression (JavaScript syntax, any case), stopped on a comment after ${PATTERN_TIME_LIMIT_MS} ms`)
    .option('--author <name>', 'written by this author (exact name, any case)')
    .option('--feed <id>', 'in this feed, as "switchboard feeds" lists it')
    .option('--thread <words>', "the thread's title has these words")
    .option('--has-link', 'has a link')
    .option('--no-link', 'has no link')
    .option('--link-only', 'nothing but links and emoji')
    .option('--min-length <n>', 'at least this many characters')
    .option('--max-length <n>', 'at most this many characters')
    .option('--language <code>', 'in this language: a two-letter code like de, or "other" for any but English')
    .option('--suggest <lane>', `lean the suggestion toward ${orList(routeSchema.options)}`)
    .option('--weight <1-5>', 'how strongly --suggest leans: 1 a nudge, 5 all but decides (default 3)')
    .option('--route <lane>', `route it at once: ${orList(routeSchema.options)}`)
    .option('--ignore', 'ignore it at once (the same as --route ignore)')
    .addOption(new Option('--snooze-hours <h>', 'put it off for this many hours'));
}

function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new SwitchboardError('invalid-input', 'rules', cannotRead(file, error));
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SwitchboardError('invalid-input', 'rules', `${file} is not JSON (${(error as Error).message}); give a file "switchboard rules export" wrote`);
  }
}

export function registerRulesCommands(program: Command, cli: CliContext): void {
  const rules = program.command('rules').description('routing rules: conditions on a comment mapped to a suggestion or an action, tried in order');

  rules
    .command('list')
    .description('the rules in the order they are tried')
    .action(async () => {
      const list = await cli.withClient((client) => client['rules-list']());
      cli.print(list, (r) =>
        r.length === 0
          ? 'No rules yet. Add one with: switchboard rules add --name NAME --words "refund" --suggest service'
          : table([['#', 'ID', 'NAME', 'ON', 'WHEN', 'THEN'], ...r.map((rule) => [String(rule.position), String(rule.id), rule.name, rule.enabled ? 'on' : 'off', conditionsText(rule.when), actionText(rule.then)])]),
      );
    });

  ruleOptions(rules.command('add').description('add a rule, tried after the others')).action(async (json: string | undefined, flags: RuleFlags) => {
    const rule = ruleFromFlags(json, flags);
    const saved = await cli.withClient((client) => client['rules-save']({ rule }));
    cli.print(saved, (r) => `Added rule ${r.id} '${r.name}' (tried ${r.position === 1 ? 'first' : `at place ${r.position}`}): ${conditionsText(r.when)} → ${actionText(r.then)}. Try it on the Inbox with: switchboard rules apply ${r.id}`);
  });

  ruleOptions(rules.command('test').description('count the Inbox comments a rule would match, and show the newest, without saving it')).action(async (json: string | undefined, flags: RuleFlags) => {
    const rule = ruleFromFlags(json, flags, { name: 'test', then: { kind: 'suggest', route: 'service' } });
    const preview = await cli.withClient((client) => client['rules-preview']({ rule }));
    cli.print(preview, (p) => {
      const lines = [`Would match ${p.capped ? `at least ${count(MOST_IN_ONE_ACTION, 'comment')} (the most one action takes)` : count(p.count, 'comment')} in the Inbox.`];
      const rewrite = 'Rewrite it without a repeat inside a repeat, like (a+)+.';
      if (p.timedOut > PATTERN_GIVE_UP_AFTER) lines.push(`The pattern took over ${PATTERN_TIME_LIMIT_MS} ms on ${count(PATTERN_GIVE_UP_AFTER, 'comment')} and was given up on: ${count(p.timedOut - PATTERN_GIVE_UP_AFTER, 'comment')} more were not tried. ${rewrite}`);
      else if (p.timedOut > 0) lines.push(`The pattern took over ${PATTERN_TIME_LIMIT_MS} ms on ${count(p.timedOut, 'comment')} and was stopped: ${p.timedOut === 1 ? 'that comment does' : 'those comments do'} not match. ${rewrite}`);
      if (p.items.length > 0) lines.push(table([['ID', 'AUTHOR', 'COMMENT'], ...p.items.slice(0, 10).map((item) => [String(item.id), item.author, item.excerpt.replace(/\s+/g, ' ').slice(0, 70)])]));
      return lines.join('\n');
    });
  });

  rules
    .command('apply')
    .description('apply a saved rule to the comments already in the Inbox, as one action (undo with: switchboard undo)')
    .argument('<rule-id>', 'the rule, as "switchboard rules list" shows it')
    .action(async (ruleId: string) => {
      const id = parseId(ruleId, 'rule-id');
      const { rule, result } = await cli.withClient(async (client) => {
        const rule = (await client['rules-list']()).find((saved) => saved.id === id);
        return { rule, result: await client['rules-apply']({ id }) };
      });
      cli.print(result, (r) => {
        const name = `Rule '${rule?.name ?? id}'`;
        if (rule?.then.kind === 'suggest') return `${name} suggests, it does not act: it matches ${count(r.count, 'comment')} in the Inbox, whose suggestions are scored again.`;
        if (r.count === 0) return `${name} matches no comment in the Inbox; nothing changed.`;
        const done = rule?.then.kind === 'snooze' ? `Snoozed ${count(r.count, 'comment')} for ${count(rule.then.hours, 'hour')}` : `Routed ${count(r.count, 'comment')} to ${ROUTE_LABELS[rule?.then.kind === 'route' ? rule.then.route : 'service'].destination}`;
        return `${done} by rule '${rule?.name ?? id}'. Undo with: switchboard undo`;
      });
    });

  rules
    .command('delete')
    .description('delete a rule')
    .argument('<rule-id>', 'the rule')
    .action(async (ruleId: string) => {
      const result = await cli.withClient((client) => client['rules-delete']({ id: parseId(ruleId, 'rule-id') }));
      cli.print(result, () => `Deleted rule ${ruleId}.`);
    });

  rules
    .command('move')
    .description('move a rule to another place in the order (1 is tried first)')
    .argument('<rule-id>', 'the rule')
    .argument('<place>', 'its new place')
    .action(async (ruleId: string, place: string) => {
      const result = await cli.withClient((client) => client['rules-move']({ id: parseId(ruleId, 'rule-id'), position: parseId(place, 'place') }));
      cli.print(result, (r) => r.map((rule) => `${rule.position}. ${rule.name}`).join('\n'));
    });

  rules
    .command('export')
    .description('write every rule as JSON (to stdout without FILE)')
    .argument('[file]', 'write to this file (atomically)')
    .action(async (file: string | undefined) => {
      const exported = await cli.withClient((client) => client['rules-export']());
      cli.writeOut('rules', file, `${JSON.stringify(exported, null, 2)}\n`, { count: exported.rules.length, text: `Wrote ${count(exported.rules.length, 'rule')} to ${file}.` });
    });

  rules
    .command('import')
    .description('add the rules of a file "rules export" wrote after the current ones; a broken rule refuses the whole file')
    .argument('<file>', 'the JSON file')
    .option('--replace', 'delete the current rules first')
    .action(async (file: string, options: { replace?: boolean }) => {
      const content = readJsonFile(file);
      const result = await cli.withClient((client) => client['rules-import']({ file: content, replace: options.replace === true }));
      cli.print(result, (r) => `Imported ${count(r.added, 'rule')}; there ${r.rules.length === 1 ? 'is' : 'are'} ${count(r.rules.length, 'rule')} now.`);
    });
}
