// `switchboard team init|serve|invite|revoke`: the workspace's side, run where PostgreSQL is
// reachable (the desktop's side, join/status/leave, is team-commands.ts).
import type { Command } from 'commander';
import { SwitchboardError } from '../../../common/errors';
import { pgReachError } from '../../team-server/errors';
import { moderatorRole } from '../../../common/team-wire';
import { openPool, type PgPool } from '../../../db/pg/pool';
import { initWorkspace, inviteModerator, revoke, type Invite } from '../../team-server/admin';
import { serveTeam } from '../../team-server/serve';
import { oneOf, parsePort, type CliContext } from './context';

export interface PgOption {
  pg?: string;
}

/** --pg, else $SWITCHBOARD_PG: the workspace's PostgreSQL, as a connection URL. */
function pgUrl(options: PgOption): string {
  const url = options.pg ?? process.env.SWITCHBOARD_PG;
  if (!url) throw new SwitchboardError('invalid-input', 'team', 'say which PostgreSQL holds the workspace: --pg postgresql://USER@HOST/DATABASE (or set SWITCHBOARD_PG)');
  return url;
}

export async function withPool<T>(options: PgOption, run: (pool: PgPool) => Promise<T>): Promise<T> {
  const pool = openPool(pgUrl(options), 2);
  try {
    return await run(pool);
  } catch (error) {
    throw pgReachError(error);
  } finally {
    await pool.end();
  }
}

export const PG_HELP = 'the workspace\'s PostgreSQL as a URL (default: $SWITCHBOARD_PG)';

function inviteText(invite: Invite): string {
  const until = new Date(invite.until).toISOString().slice(0, 16).replace('T', ' ');
  return [
    `Invited ${invite.moderator.name} (${invite.moderator.role}). On their desktop, once (the invite works one time, until ${until} UTC):`,
    `  ${invite.joinCommand}`,
  ].join('\n');
}

export function registerTeamServerCommands(team: Command, cli: CliContext): void {
  team
    .command('init')
    .description('create (or upgrade) the workspace schema in PostgreSQL, name it, and invite its first owner')
    .option('--pg <url>', PG_HELP)
    .option('--name <workspace>', 'the workspace\'s name (default: Team, or the name it has)')
    .option('--owner <name>', 'the first owner\'s name (default: Owner); given again, invites that owner')
    .action(async (options: PgOption & { name?: string; owner?: string }) => {
      const result = await withPool(options, (pool) => initWorkspace(pool, options));
      cli.print(result, (made) =>
        [`Workspace "${made.workspace}" is ready (schema version ${made.schemaVersion}).`, made.owner ? inviteText(made.owner) : '', 'Start its server with: switchboard team serve --pg URL']
          .filter(Boolean)
          .join('\n'),
      );
    });

  team
    .command('invite')
    .description('print a one-time join command for a moderator (made if new); it works for 7 days')
    .argument('<name>', 'the moderator\'s name, as others will see it')
    .option('--role <role>', 'owner or moderator (default: moderator, or the role they have)')
    .option('--pg <url>', PG_HELP)
    .action(async (name: string, options: PgOption & { role?: string }) => {
      const role = options.role === undefined ? undefined : oneOf(moderatorRole.options, options.role, '--role');
      const invite = await withPool(options, (pool) => inviteModerator(pool, name, role));
      cli.print(invite, inviteText);
    });

  team
    .command('revoke')
    .description('cut a moderator off at once: their token stops working and their open streams close')
    .argument('<name>', 'the moderator\'s name')
    .option('--pg <url>', PG_HELP)
    .action(async (name: string, options: PgOption) => {
      const revoked = await withPool(options, (pool) => revoke(pool, name));
      cli.print(revoked, (moderator) => `Revoked ${moderator.name}: their desktop can no longer reach the workspace. "switchboard team invite ${moderator.name}" lets them back in.`);
    });

  team
    .command('serve')
    .description('serve the workspace to desktops over HTTP (127.0.0.1 unless told otherwise) and print its address')
    .option('--pg <url>', PG_HELP)
    .option('--port <n>', 'port to listen on (default: 7420)', '7420')
    .option('--host <host>', 'address to listen on (default: 127.0.0.1); beyond loopback it needs TLS or --insecure-behind-proxy', '127.0.0.1')
    .option('--tls-cert <file>', 'TLS certificate (PEM): serve https')
    .option('--tls-key <file>', 'the certificate\'s private key (PEM)')
    .option('--insecure-behind-proxy', 'listen beyond loopback without TLS because a TLS proxy in front forwards to it')
    .option('--public-url <url>', 'the address desktops use when a proxy stands in front (printed in invites)')
    .option('--allow-local-feeds', 'also fetch feeds on this computer or its local network (by default only the public internet: an owner\'s feed address cannot make the server poll its own network)')
    .action(async (options: PgOption & { port: string; host: string; tlsCert?: string; tlsKey?: string; insecureBehindProxy?: boolean; publicUrl?: string; allowLocalFeeds?: boolean }) => {
      const running = await serveTeam({ ...options, pgUrl: pgUrl(options), port: parsePort(options.port), log: (line) => cli.io.err(line) });
      cli.print({ url: running.url, workspace: running.workspace }, (shown) => `Team server for "${shown.workspace}" at ${shown.url}`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await running.stop();
    });
}
