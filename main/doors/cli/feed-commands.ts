// Friendly commands for subscriptions: subscribe, feeds, fetch, items, opml, unsubscribe, demo.
import fs from 'node:fs';
import type { Command } from 'commander';
import { SwitchboardError } from '../../../common/errors';
import type { Service } from '../../app/service';
import type { FeedSummary, FetchResult, ItemDetail, ItemStatus, Route } from '../../../common/types';
import { opmlImportReport } from '../../../common/opml-report';
import { route } from '../../../common/contract/shared';
import { oneOf, optionalOneOf, orList, parseId, table, type CliContext } from './context';
import { errorLine } from './output';
import { cannotRead } from '../../platform/write-failure';
import { count } from '../../../common/plural';

function feedRows(feeds: FeedSummary[]): string {
  if (feeds.length === 0) return 'No feeds yet. Subscribe with: switchboard subscribe URL (or try: switchboard demo)';
  return table([
    ['ID', 'STATUS', 'ITEMS', 'LAST FETCHED', 'TITLE / PROBLEM'],
    ...feeds.map((feed) => [
      String(feed.id),
      feed.lastError ? `${feed.status}, failing` : feed.status,
      String(feed.itemCount),
      feed.lastFetchedAt?.slice(0, 16).replace('T', ' ') ?? 'never',
      feed.lastError ? `${feed.title || feed.url}: ${feed.lastError.category}: ${feed.lastError.message}` : feed.title || feed.url,
    ]),
  ]);
}

function fetchRows(results: FetchResult[]): string {
  if (results.length === 0) return 'No feed was due. Use --all to fetch every active feed now.';
  const newItems = results.reduce((sum, result) => sum + result.newItems, 0);
  const failed = results.filter((result) => result.status === 'error').length;
  const lines = results.map((result) =>
    result.error
      ? `feed ${result.feedId}: error: ${result.error.category}: ${result.error.message}`
      : `feed ${result.feedId}: ${result.status}, ${result.newItems} new${result.skippedEntries ? `, ${count(result.skippedEntries, 'unreadable entry', 'unreadable entries')} skipped` : ''}${result.withheldEntries ? `, ${result.withheldEntries} too large or deeply nested to show` : ''}`,
  );
  return [...lines, `${count(results.length, 'feed')} fetched, ${count(newItems, 'new comment')}${failed ? `, ${failed} failed` : ''}.`].join('\n');
}

/**
 * The STATUS column: a routed comment by its lane (service, spotlight, ignore), any other by its
 * status (new, snoozed, done). `items --status` takes every word this column prints.
 */
const STATUS_WORDS = ['new', ...route.options, 'routed', 'snoozed', 'done'] as const;

function statusWord(item: ItemDetail): string {
  return item.status === 'routed' && item.route ? item.route : item.status;
}

/** The filter a STATUS word stands for: a lane is a routed comment in that lane. */
function statusFilter(word: (typeof STATUS_WORDS)[number]): { status: ItemStatus; route?: Route } {
  return (route.options as readonly string[]).includes(word) ? { status: 'routed', route: word as Route } : { status: word as ItemStatus };
}

/** "service 92%", or "-" when there is no suggestion (or it is not scored yet). */
function suggestedWord(item: ItemDetail): string {
  return item.suggestion?.route ? `${item.suggestion.route} ${Math.round(item.suggestion.confidence * 100)}%` : '-';
}

function itemRows(items: ItemDetail[]): string {
  if (items.length === 0) return 'No comments match.';
  return table([
    ['ID', 'PUBLISHED', 'STATUS', 'SUGGESTED', 'AUTHOR', 'EXCERPT'],
    ...items.map((item) => [String(item.id), item.publishedAt.slice(0, 16).replace('T', ' '), statusWord(item), suggestedWord(item), item.author || 'Anonymous', item.contentText.replace(/\s+/g, ' ').slice(0, 70)]),
  ]);
}

/** Runs a fetch with a progress line on stderr when a person is watching it. */
async function withProgress<T>(cli: CliContext, service: Service, run: () => Promise<T>): Promise<T> {
  if (!process.stderr.isTTY || cli.json()) return run();
  const stop = service.events.subscribe((event) => {
    if (event.name !== 'fetch-progress') return;
    const { done, total, newItems, finished } = event.payload;
    process.stderr.write(`\rfetching: ${done}/${count(total, 'feed')}, ${count(newItems, 'new comment')}${finished ? '\n' : ''}`);
  });
  try {
    return await run();
  } finally {
    stop();
  }
}

export function registerFeedCommands(program: Command, cli: CliContext): void {
  program
    .command('subscribe')
    .description("subscribe to a feed, or to a page's best comment feed, and fetch it once")
    .argument('<url>', 'a feed address, or a blog, post or forum page that links its feeds')
    .option('--follow-days <n>', "for a posts feed: follow each new post's comment feed for this many days")
    .option('--allow-local', 'confirm a feed on this computer or the local network (loopback or private address)')
    .action(async (url: string, options: { followDays?: string; allowLocal?: boolean }) => {
      const followDays = options.followDays === undefined ? undefined : parseId(options.followDays, '--follow-days');
      const result = await cli.withClient((client) => client['feeds-subscribe']({ url, followDays, allowLocal: options.allowLocal === true }));
      for (const other of result.alternatives) cli.io.err(errorLine(`The page also offers ${other.url}${other.title ? ` (${other.title})` : ''}`));
      // The failure's category is for feed health (switchboard feeds); here, what happened.
      if (result.fetch.error) cli.io.err(errorLine(`The first fetch failed: ${result.fetch.error.message}`));
      cli.print(result.feed, (feed) => `Subscribed to feed ${feed.id}: ${feed.title || feed.url}\n${feed.url}\n${count(feed.itemCount, 'comment')} stored.`);
    });

  program
    .command('feeds')
    .description('list subscribed feeds with their health')
    .action(async () => {
      const feeds = await cli.withClient((client) => client['feeds-list']());
      cli.print(feeds, feedRows);
    });

  program
    .command('fetch')
    .description('fetch the feeds that are due and store new comments (exit code 0 even when some feeds fail)')
    .option('--feed <id>', 'fetch only this feed')
    .option('--all', 'fetch every active feed, due or not')
    .action(async (options: { feed?: string; all?: boolean }) => {
      const input = options.feed === undefined ? { all: options.all === true } : { feedIds: [parseId(options.feed, '--feed')] };
      const results = await cli.withClient((client, service) => withProgress(cli, service, () => client['feeds-fetch'](input)));
      cli.print(results, fetchRows);
    });

  program
    .command('items')
    .description('list stored comments, newest first')
    .option('--feed <id>', 'only this feed')
    .option('--status <status>', `${orList(STATUS_WORDS)}, as the STATUS column shows them`)
    .option('--route <route>', orList(route.options))
    .option('--search <text>', 'words in the comment, its author or its thread title')
    .option('--limit <n>', 'at most this many (default 100)')
    .action(async (options: { feed?: string; status?: string; route?: string; search?: string; limit?: string }) => {
      const status = options.status === undefined ? undefined : statusFilter(oneOf(STATUS_WORDS, options.status, '--status'));
      const lane = optionalOneOf(route.options, options.route, '--route');
      if (status?.route && lane && status.route !== lane) {
        throw new SwitchboardError('invalid-input', 'cli', `--status ${status.route} and --route ${lane} ask for two lanes at once; give one of them`);
      }
      const input = {
        feedId: options.feed === undefined ? undefined : parseId(options.feed, '--feed'),
        status: status?.status,
        route: status?.route ?? lane,
        search: options.search,
        limit: options.limit === undefined ? undefined : parseId(options.limit, '--limit'),
      };
      const items = await cli.withClient((client) => client['items-query'](input));
      cli.print(items, itemRows);
    });

  const opml = program.command('opml').description('import or export subscriptions as OPML');
  opml
    .command('import')
    .description('subscribe to every feed in an OPML file, in one go (then run: switchboard fetch)')
    .argument('<file>', 'the OPML file')
    .option('--allow-local', 'also import the feeds on this computer or the local network (loopback or private addresses)')
    .action(async (file: string, options: { allowLocal?: boolean }) => {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (error) {
        throw new SwitchboardError('invalid-input', 'opml', cannotRead(file, error));
      }
      const result = await cli.withClient((client) => client['opml-import']({ opml: text, allowLocal: options.allowLocal === true }));
      const report = opmlImportReport(result);
      for (const note of report.notes) cli.io.err(errorLine(note));
      for (const { url, address } of result.local ?? []) {
        cli.io.err(errorLine(`Left out ${url}: it is on your own computer or local network (${address}); import again with --allow-local if you trust it`));
      }
      cli.print(result, () => `${report.summary} Fetch them with: switchboard fetch`);
    });
  opml
    .command('export')
    .description('write every subscription as OPML (to stdout without --out)')
    .option('--out <file>', 'write to this file (atomically)')
    .action(async (options: { out?: string }) => {
      const result = await cli.withClient((client) => client['opml-export']());
      cli.writeOut('opml', options.out, result.opml, { count: result.feeds, text: `Wrote ${count(result.feeds, 'feed')} to ${options.out}.` });
    });

  program
    .command('unsubscribe')
    .description("stop following a feed; its comments and decisions are kept unless --delete-items")
    .argument('<feed-id>', 'the feed, as "switchboard feeds" lists it')
    .option('--delete-items', "also delete the feed's comments and every decision on them")
    .action(async (feedId: string, options: { deleteItems?: boolean }) => {
      const result = await cli.withClient((client) => client['feeds-unsubscribe']({ id: parseId(feedId, 'feed-id'), deleteItems: options.deleteItems === true }));
      cli.print(result, (r) => `Unsubscribed from feed ${r.feedId}; ${r.deletedItems ? `deleted ${count(r.deletedItems, 'comment')}` : `kept ${count(r.keptItems, 'comment')}`}.`);
    });

  program
    .command('demo')
    .description('load the bundled sample comment feeds (offline), to see a working queue')
    .action(async () => {
      const results = await cli.withClient((client, service) => withProgress(cli, service, () => client['feeds-load-samples']()));
      cli.print(results, (r) => `${fetchRows(r)}\nSample feeds loaded. Open the console with: npm start`);
    });
}
