// The queue's reads that may run off the thread that answers keys (core/reads.ts): a page with
// search words (best match first ranks every match), and the CLI's `items` (up to 10,000 comments
// with their text).
import { offThreadRead } from '../../core/reads';
import { listView, queryItems } from '../../../db/tables/items';

export const queueReads = {
  searchPage: offThreadRead('queue.search-page', listView),
  query: offThreadRead('queue.query', queryItems),
};
