// Triage from the terminal: route, snooze, done, undo.
import type { Command } from 'commander';
import { SwitchboardError } from '../../../common/errors';
import { route as routeSchema } from '../../../common/contract/shared';
import { ROUTE_LABELS } from '../../../common/labels';
import type { ActionResult } from '../../../common/types';
import { oneOf, orList, parseId, type CliContext } from './context';
import { isSnoozePreset, SNOOZE_PRESETS, snoozePresetTime } from '../../../common/snooze-presets';


function describe(result: ActionResult, what: string): string {
  return `${result.itemIds.length === 1 ? `Comment ${result.itemIds[0]}` : `${result.itemIds.length} comments`} ${what}. Undo with: switchboard undo`;
}

export function registerTriageCommands(program: Command, cli: CliContext): void {
  program
    .command('route')
    .description('route a comment to customer service, the community spotlight, or ignore it')
    .argument('<item-id>', 'the comment, as "switchboard items" lists it')
    .argument('<route>', orList(routeSchema.options))
    .action(async (itemId: string, routeName: string) => {
      const route = oneOf(routeSchema.options, routeName, 'route');
      const result = await cli.withClient((client) => client['items-route']({ ids: [parseId(itemId, 'item-id')], route }));
      cli.print(result, (r) => describe(r, `routed to ${ROUTE_LABELS[route].destination}`));
    });

  program
    .command('snooze')
    .description('hide a comment until a time, or until its author writes again in the same thread')
    .argument('<item-id>', 'the comment')
    .option('--until <time>', `when it comes back: ${SNOOZE_PRESETS.join(', ')} (as in the console) or a time like 2026-12-01T09:00:00Z`)
    .option('--until-reply', 'until its author writes again in the same thread')
    .action(async (itemId: string, options: { until?: string; untilReply?: boolean }) => {
      if ((options.until === undefined) === (options.untilReply !== true)) {
        throw new SwitchboardError('invalid-input', 'cli', `give either --until (${SNOOZE_PRESETS.join(', ')} or a time) or --until-reply`);
      }
      const until = options.until === undefined ? undefined : isSnoozePreset(options.until) ? snoozePresetTime(options.until) : new Date(options.until);
      if (until && Number.isNaN(until.getTime())) {
        throw new SwitchboardError('invalid-input', 'cli', `--until must be ${SNOOZE_PRESETS.join(', ')} or a time like 2026-12-01T09:00:00Z, not "${options.until}"`);
      }
      const input = { ids: [parseId(itemId, 'item-id')], ...(until ? { until: until.toISOString() } : { untilReply: true }) };
      const result = await cli.withClient((client) => client['items-snooze'](input));
      cli.print(result, (r) => describe(r, until ? `snoozed until ${until.toISOString()}` : 'snoozed until its author writes again'));
    });

  program
    .command('done')
    .description('mark a comment done')
    .argument('<item-id>', 'the comment')
    .action(async (itemId: string) => {
      const result = await cli.withClient((client) => client['items-done']({ ids: [parseId(itemId, 'item-id')] }));
      cli.print(result, (r) => describe(r, 'marked done'));
    });

  program
    .command('undo')
    .description('undo the last moderator action (again to go further back)')
    .action(async () => {
      const result = await cli.withClient((client) => client['items-undo']({}));
      cli.print(result, (r) => (r.action ? `Undid ${r.action} of ${r.itemIds.length === 1 ? `comment ${r.itemIds[0]}` : `${r.itemIds.length} comments`}.` : 'Nothing to undo.'));
    });
}
