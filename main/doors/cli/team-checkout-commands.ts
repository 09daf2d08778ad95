// `switchboard team checkout|checkin`: before going offline, hold the comments you will work on
// (leases for hours) so your decisions on them go through when you are back; give them back after.
import type { Command } from 'commander';
import { SwitchboardError } from '../../../common/errors';
import { CHECKOUT_DEFAULT_COMMENTS, CHECKOUT_DEFAULT_HOURS, CHECKOUT_MAX_COMMENTS, CHECKOUT_MAX_HOURS, type CheckoutAnswer } from '../../../common/contract/team';
import type { CliContext } from './context';

const VIEW_NAMES = { inbox: 'the Inbox', service: 'Customer service', spotlight: 'the Spotlight' } as const;

/** A number as typed (the limits are the operation's own, checked there). */
function parseNumber(text: string, option: string): number {
  const value = /^[0-9]+(\.[0-9]+)?$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value)) throw new SwitchboardError('invalid-input', 'team checkout', `${option} must be a number, not "${text}"`);
  return value;
}

const plural = (count: number, word: string) => `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;

function checkoutText(answer: CheckoutAnswer): string {
  const others = answer.heldByOthers
    ? `${plural(answer.heldByOthers, 'comment')} of ${VIEW_NAMES[answer.view]} ${answer.heldByOthers === 1 ? 'is' : 'are'} held by others (${answer.holders.map((holder) => `${holder.name} ${holder.count}`).join(', ')}) and left out.`
    : 'Nobody else holds any of them.';
  if (answer.held === 0) return `Nothing checked out: ${VIEW_NAMES[answer.view]} has no comment free to take. ${others}`;
  return [
    `Checked out ${plural(answer.held, 'comment')} of ${VIEW_NAMES[answer.view]} until ${answer.until!.slice(0, 16).replace('T', ' ')} UTC: others see you checked them out, and what you decide on them offline goes through when you are back.`,
    others,
    'Decisions on comments you did not check out are kept too, but may come back as conflicts. `switchboard team checkin` gives them back.',
  ].join('\n');
}

export function registerTeamCheckoutCommands(team: Command, cli: CliContext): void {
  team
    .command('checkout')
    .description('before going offline: hold the first comments of a view nobody else holds, for hours, so your decisions on them go through when you are back')
    .option('--view <view>', 'inbox, service or spotlight', 'inbox')
    .option('--hours <n>', `how long to hold them (default ${CHECKOUT_DEFAULT_HOURS}, at most ${CHECKOUT_MAX_HOURS})`)
    .option('--limit <n>', `how many comments (default ${CHECKOUT_DEFAULT_COMMENTS}, at most ${CHECKOUT_MAX_COMMENTS.toLocaleString('en')})`)
    .action(async (options: { view: string; hours?: string; limit?: string }) => {
      if (!(options.view in VIEW_NAMES)) throw new SwitchboardError('invalid-input', 'team checkout', `--view must be inbox, service or spotlight, not "${options.view}"`);
      const input = {
        view: options.view as keyof typeof VIEW_NAMES,
        ...(options.hours === undefined ? {} : { hours: parseNumber(options.hours, '--hours') }),
        ...(options.limit === undefined ? {} : { limit: parseNumber(options.limit, '--limit') }),
      };
      const answer = await cli.withClient((client) => client['team-checkout'](input));
      cli.print(answer, checkoutText);
    });

  team
    .command('checkin')
    .description('give back every comment you checked out, so the team can take them')
    .action(async () => {
      const answer = await cli.withClient((client) => client['team-checkin']({}));
      cli.print(answer, () => (answer.released ? `Gave back ${plural(answer.released, 'comment')} you had checked out.` : 'You had no comment checked out.'));
    });
}
