// `switchboard team feeds add|list|remove`: an owner manages the workspace's feeds from the
// terminal, straight on PostgreSQL (no team server needed); the server's fetcher fetches them.
import type { Command } from 'commander';
import { SwitchboardError } from '../../../common/errors';
import { feedAddRequest, type TeamFeedDetail } from '../../../common/team-wire';
import { requireCurrentSchema } from '../../../db/pg/migrate';
import { addFeed, listFeeds, removeFeed } from '../../../db/pg/tables/feeds';
import { parseId, table, type CliContext } from './context';
import { PG_HELP, withPool, type PgOption } from './team-server-commands';

/** The address and options as the wire takes them (the same checks as POST /feeds), or a plain refusal. */
function feedToAdd(url: string, options: { title?: string; interval?: string }) {
  const interval = options.interval === undefined ? undefined : /^[0-9]+$/.test(options.interval) ? Number(options.interval) : NaN;
  const parsed = feedAddRequest.safeParse({ url, title: options.title, intervalMinutes: interval });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const what = issue.path[0] === 'intervalMinutes' ? `--interval must be a whole number of minutes from 0 to ${7 * 24 * 60}, not "${options.interval}"` : issue.message;
  throw new SwitchboardError('invalid-input', 'team', what);
}

const health = (feed: TeamFeedDetail): string =>
  feed.errorMessage ? `failing (${feed.errorCount} in a row): ${feed.errorMessage}` : feed.lastSuccessAt === null ? 'not fetched yet' : 'ok';
const when = (ms: number | null): string => (ms === null ? 'not scheduled' : new Date(ms).toISOString().slice(0, 16).replace('T', ' '));

export function registerTeamFeedCommands(team: Command, cli: CliContext): void {
  const feeds = team.command('feeds').description('the workspace\'s feeds, fetched once for everybody by the team server');

  feeds
    .command('add')
    .description('add a feed (fetched at once); an address already there is fetched again now, which retries a failing one')
    .argument('<url>', 'the feed\'s address (http:// or https://)')
    .option('--title <title>', 'what to call it (default: the title the feed gives itself)')
    .option('--interval <minutes>', 'minutes between fetches (default 15; 0: never on a schedule)')
    .option('--pg <url>', PG_HELP)
    .action(async (url: string, options: PgOption & { title?: string; interval?: string }) => {
      const feed = feedToAdd(url, options);
      const result = await withPool(options, async (pool) => {
        await requireCurrentSchema(pool);
        return addFeed(pool, feed, null, Date.now());
      });
      cli.print(result, ({ feed: shown, added }) =>
        added
          ? `Added feed ${shown.id}: ${shown.url}. The team server fetches it within a minute; "switchboard team feeds list" shows how it went.`
          : `${shown.url} is feed ${shown.id} already; the team server fetches it again now.`,
      );
    });

  feeds
    .command('list')
    .description('list the feeds with their health and next fetch')
    .option('--pg <url>', PG_HELP)
    .action(async (options: PgOption) => {
      const list = await withPool(options, async (pool) => {
        await requireCurrentSchema(pool);
        return listFeeds(pool);
      });
      cli.print(list, (rows) =>
        rows.length === 0
          ? 'No feeds yet: add one with switchboard team feeds add URL'
          : table([['id', 'title', 'address', 'health', 'next fetch (UTC)'], ...rows.map((feed) => [String(feed.id), feed.title || '(untitled)', feed.url, health(feed), when(feed.nextFetchAt)])]),
      );
    });

  feeds
    .command('remove')
    .description('stop fetching a feed; desktops drop it and its comments')
    .argument('<id>', 'the feed\'s id, as "switchboard team feeds list" shows')
    .option('--pg <url>', PG_HELP)
    .action(async (idText: string, options: PgOption) => {
      const id = parseId(idText, 'the feed id');
      const removed = await withPool(options, async (pool) => {
        await requireCurrentSchema(pool);
        return removeFeed(pool, id, null, Date.now());
      });
      if (!removed) throw new SwitchboardError('not-found', 'team', `there is no feed ${id} in this workspace (removed already?); "switchboard team feeds list" shows them`);
      cli.print(removed, (feed) => `Removed feed ${feed.id} (${feed.title || feed.url}): no longer fetched, and the desktops drop its comments.`);
    });
}
