// `switchboard team join|status|leave|import-solo`: this desktop's side of a team workspace (the
// server's side, init/serve/invite/revoke, is team-server-commands.ts).
import type { Command } from 'commander';
import { SwitchboardError } from '../../../common/errors';
import type { TeamStatus } from '../../../common/types';
import { joinTeam, leaveTeam, soloAside } from '../../app/team-membership';
import type { CliContext } from './context';

function statusText(status: TeamStatus): string {
  if (status.mode === 'solo') return 'This desktop works alone (no team workspace). Join one with: switchboard team join URL --token sbi_...';
  return [
    `Team workspace "${status.workspace}" at ${status.server}, as ${status.moderator.name} (${status.moderator.role})`,
    `  ${status.online ? 'online' : 'this terminal does not sync (an open console or switchboard serve does)'}; last sync ${status.lastSyncAt ?? 'never'}`,
    `  outbox: ${status.outbox} decision${status.outbox === 1 ? '' : 's'} waiting to be sent; conflicts: ${status.conflicts} waiting for you`,
    status.people.length ? `  also online: ${status.people.map((person) => person.name).join(', ')}` : '',
    status.problem ? `  problem: ${status.problem}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export function registerTeamCommands(team: Command, cli: CliContext): void {
  team
    .command('join')
    .description("make this desktop's database a copy of a team workspace (its solo database is kept aside, see `team leave`)")
    .argument('<url>', "the team server's address, as `switchboard team invite` printed it")
    .requiredOption('--token <invite>', 'the one-time invite (sbi_...)')
    .action(async (url: string, options: { token: string }) => {
      const joined = await joinTeam(cli.dbPath(), url, options.token);
      cli.print(joined, () =>
        [
          `Joined "${joined.workspace}" at ${joined.server} as ${joined.moderator.name} (${joined.moderator.role}).`,
          joined.soloKeptAt ? `Your solo database is kept at ${joined.soloKeptAt} (switchboard team leave puts it back).` : '',
          joined.notCopied === null ? 'The workspace is copied; open the console to work and stay in sync.' : `The workspace will be copied when the console opens: ${joined.notCopied}`,
        ]
          .filter(Boolean)
          .join('\n'),
      );
    });

  team
    .command('status')
    .description('online or not, the outbox, the last sync and the conflicts waiting')
    .action(async () => {
      const status = await cli.withClient((client) => client['team-status']({}));
      cli.print(status, statusText);
    });

  team
    .command('leave')
    .description('put the solo database back; the team copy is kept aside')
    .option('--force', 'leave even though decisions made here have not reached the team server (they stay in the copy kept aside)')
    .action(async (options: { force?: boolean }) => {
      const left = await leaveTeam(cli.dbPath(), options.force === true);
      cli.print(left, () => `Left the team. The team copy is kept at ${left.teamCopyKeptAt}; ${left.soloRestored ? 'your solo database is back.' : 'there was no solo database to put back: a new one starts empty.'}`);
    });

  team
    .command('import-solo')
    .description("send the solo database's decisions to the team (not available yet)")
    .action(() => {
      throw new SwitchboardError('unavailable', 'team import-solo', `importing a solo database into the team is not available yet; it is kept untouched at ${soloAside(cli.dbPath())}`);
    });
}
