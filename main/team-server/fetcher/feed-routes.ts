// The workspace's feeds over the wire (common/team-wire.ts, TEAM_FEEDS_PATH): every moderator may
// list them with their health; owners add and remove them. The server mounts these beside its own
// routes; the fetcher fetches what they add.
import { TEAM_FEEDS_PATH, feedAddRequest, feedRemoveQuery, type FeedAddAnswer, type FeedRemoveAnswer, type FeedsAnswer } from '../../../common/team-wire';
import { addFeed, listFeeds, removeFeed } from '../../../db/pg/tables/feeds';
import { TeamHttpError } from '../errors';
import { parseWith, readJson } from '../http-io';
import type { TeamRoute } from '../routes';

const list: TeamRoute = {
  method: 'GET',
  path: '/feeds',
  async handle({ pool }): Promise<FeedsAnswer> {
    return { feeds: await listFeeds(pool) };
  },
};

const add: TeamRoute = {
  method: 'POST',
  path: '/feeds',
  owner: true,
  async handle({ pool, request, moderator }): Promise<FeedAddAnswer> {
    const body = await readJson(request, feedAddRequest);
    return addFeed(pool, body, moderator.id, Date.now());
  },
};

const remove: TeamRoute = {
  method: 'DELETE',
  path: '/feeds',
  owner: true,
  async handle({ pool, url, moderator }): Promise<FeedRemoveAnswer> {
    const { id } = parseWith(feedRemoveQuery, Object.fromEntries(url.searchParams), 'the query');
    const removed = await removeFeed(pool, id, moderator.id, Date.now());
    if (!removed) throw new TeamHttpError('not-found', `there is no feed ${id} in this workspace (removed already?); GET ${TEAM_FEEDS_PATH} lists them`);
    return { removed };
  },
};

/** The feeds' routes, mounted by the team server. */
export const feedRoutes: readonly TeamRoute[] = [list, add, remove];
