// The queue's reads that may run off the thread that answers keys (core/reads.ts): a page with
// search words (best match first ranks every match), the CLI's `items` (up to 10,000 comments
// with their text), and "Select all N matching" (up to 10,000 ids).
import { offThreadRead } from '../../core/reads';
import { listView, matchingIds, queryItems, type ListRequest } from '../../../db/tables/items';
import { MOST_IN_ONE_ACTION } from '../../../common/contract/shared';

export const queueReads = {
  searchPage: offThreadRead('queue.search-page', listView),
  query: offThreadRead('queue.query', queryItems),
  matchingIds: offThreadRead('queue.matching-ids', (db, request: Omit<ListRequest, 'limit' | 'cursor'>) => matchingIds(db, request, MOST_IN_ONE_ACTION)),
};
