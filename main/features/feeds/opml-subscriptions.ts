// Subscriptions in and out as OPML: an import is one transaction, whatever its size.
import { SwitchboardError } from '../../../common/errors';
import type { FeedsContext } from './context';
import type { OpmlImportResult } from '../../../common/types';
import { readOpmlCounted, writeOpml } from './opml';
import { findFeedByUrl, listFeeds } from '../../../db/tables/feeds';
import { checkSubscribableUrl, insertFeed } from './subscriptions';
import { writeTransaction } from '../../../db/write';

export function importOpml(ctx: FeedsContext, text: string): OpmlImportResult {
  let outlines, leftOut;
  try {
    ({ outlines, leftOut } = readOpmlCounted(text));
  } catch (error) {
    throw new SwitchboardError('invalid-input', 'opml', (error as Error).message.replace(/^opml: /, ''));
  }
  const result: OpmlImportResult = { added: 0, alreadySubscribed: 0, invalid: [], ...(leftOut > 0 ? { leftOut } : {}) };
  writeTransaction(ctx.db, () => {
    for (const outline of outlines) {
      let url: string;
      try {
        url = checkSubscribableUrl(outline.url);
      } catch {
        result.invalid.push(outline.url.slice(0, 200));
        continue;
      }
      const existing = findFeedByUrl(ctx.db, url);
      if (existing && !existing.unsubscribed) {
        result.alreadySubscribed += 1;
        continue;
      }
      insertFeed(ctx, { url, title: outline.title });
      result.added += 1;
    }
  });
  ctx.events.emit('feeds-changed', {});
  return result;
}

export function exportOpml(ctx: FeedsContext): { opml: string; feeds: number } {
  const feeds = listFeeds(ctx.db).filter((feed) => !feed.isSample);
  return { opml: writeOpml(feeds, new Date(ctx.now())), feeds: feeds.length };
}
