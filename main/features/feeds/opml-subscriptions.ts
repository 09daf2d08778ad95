// Subscriptions in and out as OPML: an import is one transaction, whatever its size.
import { SwitchboardError } from '../../../common/errors';
import type { FeedsContext } from './context';
import type { OpmlImportResult } from '../../../common/types';
import { readOpmlCounted, writeOpml } from './opml';
import { findFeedByUrl, listFeeds } from '../../../db/tables/feeds';
import { insertFeed } from './subscriptions';
import { checkFeedUrl } from './fetch/redirects';
import { pointsInward } from './local-feeds';
import { writeTransaction } from '../../../db/write';

/** Imports the outlines; a feed on this computer or the local network (as written) only when `allowLocal` confirms it (local-feeds.ts). */
export function importOpml(ctx: FeedsContext, text: string, allowLocal = false): OpmlImportResult {
  let outlines, leftOut, folders;
  try {
    ({ outlines, leftOut, folders } = readOpmlCounted(text));
  } catch (error) {
    throw new SwitchboardError('invalid-input', 'opml', (error as Error).message.replace(/^opml: /, ''));
  }
  const result: OpmlImportResult = {
    added: 0,
    alreadySubscribed: 0,
    skipped: [],
    ...(folders.length > 0 ? { droppedFolders: folders } : {}),
    ...(leftOut > 0 ? { leftOut } : {}),
  };
  const local: { url: string; address: string }[] = [];
  writeTransaction(ctx.db, () => {
    for (const outline of outlines) {
      let url: string;
      try {
        url = checkFeedUrl(outline.url).href;
      } catch (error) {
        // A password written into an outline is not repeated on screen or in a terminal.
        result.skipped.push({ url: outline.url.replace(/\/\/[^/?#]*@/, '//…@').slice(0, 200), reason: (error as Error).message });
        continue;
      }
      const existing = findFeedByUrl(ctx.db, url);
      if (existing && !existing.unsubscribed) {
        result.alreadySubscribed += 1;
        continue;
      }
      if (!allowLocal && pointsInward(url)) {
        local.push({ url, address: new URL(url).hostname });
        continue;
      }
      insertFeed(ctx, { url, title: outline.title, fromOpml: true, allowLocal: allowLocal && pointsInward(url) });
      result.added += 1;
    }
  });
  if (local.length > 0) result.local = local;
  ctx.events.emit('feeds-changed', {});
  return result;
}

export function exportOpml(ctx: FeedsContext): { opml: string; feeds: number } {
  const feeds = listFeeds(ctx.db).filter((feed) => !feed.isSample);
  return { opml: writeOpml(feeds, new Date(ctx.now())), feeds: feeds.length };
}
