// Loading and removing the bundled sample feeds (the empty state's "Try it with sample feeds").
import type { FeedsContext } from '../context';
import { announceChange } from '../../../core/changes';
import { deleteSampleFeeds, findFeedByUrl } from '../../../../db/tables/feeds';
import { refreshFeeds } from '../refresh';
import { insertFeed } from '../subscriptions';
import { sampleFeedUrls } from './sample-feeds';
import { writeTransaction } from '../../../../db/write';

export async function loadSamples(ctx: FeedsContext) {
  const ids = writeTransaction(ctx.db, () =>
    sampleFeedUrls().map((url) => findFeedByUrl(ctx.db, url)?.id ?? insertFeed(ctx, { url, title: '', intervalMinutes: 0, isSample: true })),
  );
  ctx.events.emit('feeds-changed', {});
  return refreshFeeds(ctx, { feedIds: ids });
}

export function removeSamples(ctx: FeedsContext): { removedFeeds: number } {
  const removed = deleteSampleFeeds(ctx.db);
  ctx.events.emit('feeds-changed', {});
  announceChange(ctx, 'samples-removed');
  return { removedFeeds: removed };
}
