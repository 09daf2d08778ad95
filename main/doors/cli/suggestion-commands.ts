// Suggestions from the terminal: what the console would suggest for a text (nothing stored), and
// accepting suggestions, for some comments or for every Inbox comment above a confidence.
import type { Command } from 'commander';
import { SwitchboardError } from '../../../common/errors';
import { ROUTE_LABELS } from '../../../common/labels';
import { count } from '../../../common/plural';
import { MOST_IN_ONE_ACTION } from '../../../common/contract/shared';
import type { AcceptSummary, Route, Suggestion } from '../../../common/types';
import { parseId, type CliContext } from './context';

const percent = (confidence: number) => `${Math.round(confidence * 100)}%`;

/** "Customer service, 92% sure: reason; reason", or what it would take to suggest anything. */
export function suggestionLine(suggestion: Suggestion): string {
  const why = suggestion.reasons.length ? `: ${suggestion.reasons.join('; ')}` : '';
  if (suggestion.route === null) return `No suggestion (${percent(suggestion.confidence)} sure at most)${why}.`;
  const label = ROUTE_LABELS[suggestion.route].destination;
  return `${label[0]!.toUpperCase()}${label.slice(1)}, ${percent(suggestion.confidence)} sure${why}.`;
}

/** "80 to customer service, 30 to the community spotlight and 10 ignored". */
function perLane(byRoute: Record<Route, number>): string {
  const parts = (Object.keys(byRoute) as Route[]).filter((route) => byRoute[route] > 0).map((route) => (route === 'ignore' ? `${byRoute[route]} ignored` : `${byRoute[route]} to ${ROUTE_LABELS[route].destination}`));
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** A confidence as typed: 0.9, or 90%. */
function parseThreshold(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(%?)$/.exec(text.trim());
  const value = match ? Number(match[1]) / (match[2] ? 100 : 1) : NaN;
  if (!(value >= 0 && value <= 1)) throw new SwitchboardError('invalid-input', 'cli', `--above must be a confidence from 0 to 1 (like 0.9) or a percentage (like 90%), not "${text}"`);
  return value;
}

function acceptedAbove(summary: AcceptSummary, threshold: number, dryRun: boolean): string {
  if (summary.count === 0) return `No Inbox comment has a suggestion at or above ${percent(threshold)}.`;
  const capped = summary.capped ? ` (the first ${MOST_IN_ONE_ACTION.toLocaleString('en')}, the most one action takes; run it again for the rest)` : '';
  if (dryRun) return `Would route ${count(summary.count, 'comment')}: ${perLane(summary.byRoute)}${capped}. Nothing was changed.`;
  return `Routed ${count(summary.count, 'comment')}: ${perLane(summary.byRoute)}${capped}. Undo with: switchboard undo`;
}

export function registerSuggestionCommands(program: Command, cli: CliContext): void {
  program
    .command('suggest')
    .description('print the suggestion for a text, as if it were a new comment (nothing is stored)')
    .requiredOption('--text <text>', 'the comment')
    .option('--author <name>', "the comment's author")
    .option('--thread <title>', "the title of the comment's thread")
    .action(async (options: { text: string; author?: string; thread?: string }) => {
      const suggestion = await cli.withClient((client) => client['suggest-text']({ text: options.text, author: options.author, threadTitle: options.thread }));
      cli.print(suggestion, suggestionLine);
    });

  program
    .command('accept')
    .description("route comments to the lanes suggested for them, as one undoable action; or, with --above, every Inbox comment whose suggestion is at least that sure")
    .argument('[item-ids...]', 'the comments, as "switchboard items" lists them')
    .option('--above <confidence>', 'every Inbox comment suggested with at least this confidence: 0.9 or 90%')
    .option('--dry-run', 'with --above: say how many it would route to which lanes, and change nothing')
    .action(async (itemIds: string[], options: { above?: string; dryRun?: boolean }) => {
      if ((options.above === undefined) === (itemIds.length === 0)) throw new SwitchboardError('invalid-input', 'cli', 'give the comments to accept (their ids) or --above a confidence, one or the other');
      if (options.above !== undefined) {
        const threshold = parseThreshold(options.above);
        const dryRun = options.dryRun === true;
        const summary = await cli.withClient((client) => client['suggestions-accept-above']({ threshold, preview: dryRun }));
        cli.print(summary, (s) => acceptedAbove(s, threshold, dryRun));
        return;
      }
      if (options.dryRun) throw new SwitchboardError('invalid-input', 'cli', '--dry-run goes with --above; to see a comment\'s suggestion, run: switchboard items --json');
      const ids = itemIds.map((id) => parseId(id, 'item-id'));
      const result = await cli.withClient((client) => client['items-accept']({ ids }));
      cli.print(result, (r) => {
        const byRoute: Record<Route, number> = { service: 0, spotlight: 0, ignore: 0 };
        for (const item of r.items) if (item.route) byRoute[item.route] += 1;
        const skipped = r.skipped.length ? ` Left ${count(r.skipped.length, 'comment')} with no suggestion as ${r.skipped.length === 1 ? 'it was' : 'they were'} (${r.skipped.join(', ')}).` : '';
        return `Routed ${count(r.itemIds.length, 'comment')}: ${perLane(byRoute)}.${skipped} Undo with: switchboard undo`;
      });
    });
}
