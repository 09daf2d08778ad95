// The community spotlight from the terminal: recognise, members, digest, stats.
import type { Command } from 'commander';
import { SwitchboardError } from '../../../common/errors';
import type { DashboardStats, Member } from '../../../common/types';
import { digestFormat, inviteKind, spotlightAction } from '../../../common/contract/shared';
import { oneOf, optionalOneOf, orList, parseId, table, type CliContext } from './context';
import { count } from '../../../common/plural';
import { formatHours } from '../../../common/duration';


function memberRows(members: Member[]): string {
  if (members.length === 0) return 'No members yet: they appear as comments arrive.';
  return table([
    ['ID', 'NAME', 'COMMENTS', 'ANSWERS', 'FEATURED', 'THANKED', 'LAST SEEN'],
    ...members.map((m) => [String(m.id), m.name, String(m.stats.comments), String(m.stats.communityAnswers), String(m.stats.featured), String(m.stats.thanked), m.stats.lastSeen?.slice(0, 10) ?? '']),
  ]);
}

function statsText(stats: DashboardStats): string {
  const weeks = table([
    ['WEEK', 'SERVICE', 'SPOTLIGHT', 'IGNORED', 'ANSWERS', 'NEW', 'RETURNING'],
    ...stats.weeks.map((w) => [w.week, String(w.service), String(w.spotlight), String(w.ignore), String(w.communityAnswers), String(w.newContributors), String(w.returningContributors)]),
  ]);
  const wait = stats.medianServiceWaitHours === null ? 'no replies exported yet' : formatHours(stats.medianServiceWaitHours);
  return `${weeks}\n\nMedian wait for a service reply: ${wait}. Overdue now: ${stats.overdueNow}. Community answers: ${stats.totals.communityAnswers}.`;
}

export function registerSpotlightCommands(program: Command, cli: CliContext): void {
  program
    .command('spotlight')
    .description('recognise a comment: feature it, thank or invite its author, or mark it as the community answer to a question')
    .argument('<item-id>', 'the comment')
    .requiredOption('--action <action>', orList(spotlightAction.options))
    .option('--note <text>', 'why it stands out (shown in the digest)')
    .option('--answers <item-id>', 'with --action answer: the question it answered')
    .option('--invite <kind>', `with --action invite: ${orList(inviteKind.options)} (guest-post unless given)`)
    .action(async (itemId: string, options: { action: string; note?: string; answers?: string; invite?: string }) => {
      const input = {
        id: parseId(itemId, 'item-id'),
        action: oneOf(spotlightAction.options, options.action, '--action'),
        note: options.note,
        answersId: options.answers === undefined ? undefined : parseId(options.answers, '--answers'),
        inviteKind: optionalOneOf(inviteKind.options, options.invite, '--invite'),
      };
      const result = await cli.withClient((client) => client['spotlight-act'](input));
      cli.print(result, () => `Comment ${itemId}: ${options.action} recorded${options.action === 'thank' || options.action === 'invite' ? '; a draft is waiting in the spotlight lane' : ''}.`);
    });

  program
    .command('members')
    .description('members, the most helpful first')
    .option('--since <date>', 'only activity since this day (YYYY-MM-DD)')
    .action(async (options: { since?: string }) => {
      const members = await cli.withClient((client) => client['members-list']({ since: options.since }));
      cli.print(members, memberRows);
    });

  const member = program.command('member').description('merge members or keep notes on them');
  member
    .command('merge')
    .description('merge the second member into the first (one person, several names)')
    .argument('<into-id>')
    .argument('<from-id>')
    .action(async (into: string, from: string) => {
      const merged = await cli.withClient((client) => client['member-merge']({ into: parseId(into, 'into-id'), from: parseId(from, 'from-id') }));
      cli.print(merged, (m) => `Member ${m.id} (${m.name}) now writes as: ${m.aliases.join(', ')}.`);
    });
  member
    .command('split')
    .description('split a merged member off again')
    .argument('<id>')
    .action(async (id: string) => {
      const split = await cli.withClient((client) => client['member-split']({ id: parseId(id, 'id') }));
      cli.print(split, (m) => `Member ${m.id} (${m.name}) stands on its own again.`);
    });
  member
    .command('note')
    .description("set the moderator's private note on a member")
    .argument('<id>')
    .argument('<text>')
    .action(async (id: string, text: string) => {
      const noted = await cli.withClient((client) => client['member-note']({ id: parseId(id, 'id'), note: text }));
      cli.print(noted, (m) => `Note saved on ${m.name}.`);
    });

  const exportCommand = program.commands.find((command) => command.name() === 'export') ?? program.command('export').description('export data');
  exportCommand
    .command('digest')
    .description('the "Community highlights" digest of a period; without --out, to stdout')
    .requiredOption('--from <date>', 'first day (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'last day (YYYY-MM-DD)')
    .requiredOption('--format <format>', orList(digestFormat.options))
    .option('--out <file>', 'write to this file (atomically)')
    .action(async (options: { from: string; to: string; format: string; out?: string }) => {
      const result = await cli.withClient((client) => client['digest-export']({ from: options.from, to: options.to, format: oneOf(digestFormat.options, options.format, '--format') }));
      cli.writeOut('export', options.out, result.content, { count: result.count, text: `Wrote ${count(result.count, 'highlight')} to ${options.out}.` });
    });

  program
    .command('stats')
    .description("the dashboard's numbers: lanes per week, service wait, contributors, community answers")
    .option('--from <date>', 'first day (YYYY-MM-DD); default 8 weeks back')
    .option('--to <date>', 'last day (YYYY-MM-DD); default today')
    .action(async (options: { from?: string; to?: string }) => {
      const stats = await cli.withClient((client) => client.stats({ from: options.from, to: options.to }));
      cli.print(stats, statsText);
    });
}
