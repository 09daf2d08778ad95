import type { FeatureHandlers } from '../../core/context';
import type { FeedsContext } from './context';
import { listFeeds } from '../../../db/tables/feeds';
import { cancelRefresh, refreshFeeds } from './refresh';
import { exportOpml, importOpml } from './opml-subscriptions';
import { loadSamples, removeSamples } from './samples/load-samples';
import { discover, retryFeed, subscribe, unsubscribe, updateFeed } from './subscriptions';

export const feedHandlers = {
  'feeds-list': (ctx) => listFeeds(ctx.db),
  'feeds-discover': (ctx, input) => discover(ctx, input.url),
  'feeds-subscribe': (ctx, input) => subscribe(ctx, input),
  'feeds-update': (ctx, input) => updateFeed(ctx, input),
  'feeds-unsubscribe': (ctx, input) => unsubscribe(ctx, input.id, input.deleteItems),
  'feeds-fetch': (ctx, input) => refreshFeeds(ctx, { feedIds: input.feedIds, all: input.all }),
  'feeds-fetch-cancel': (ctx) => ({ cancelled: cancelRefresh(ctx) }),
  'feeds-retry': (ctx, input) => retryFeed(ctx, input.id),
  'feeds-load-samples': (ctx) => loadSamples(ctx),
  'feeds-remove-samples': (ctx) => removeSamples(ctx),
  'opml-import': (ctx, input) => importOpml(ctx, input.opml, input.allowLocal === true),
  'opml-export': (ctx) => exportOpml(ctx),
} satisfies FeatureHandlers<FeedsContext>;
