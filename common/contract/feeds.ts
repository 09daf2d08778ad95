// Operations on subscriptions: discover, subscribe, fetch, OPML, samples.
import { z } from 'zod';
import { type FeedCandidate, type FeedSummary, type FetchResult, type OpmlImportResult, type SubscribeResult } from '../types';
import { returns, noInput, feedId, webAddress, interval, followDays } from './shared';

export const feedsOperations = {
  'feeds-list': {
    summary: 'Every subscribed feed with its status, last error and stored comment count.',
    input: noInput,
    result: returns<FeedSummary[]>(),
  },
  'feeds-discover': {
    summary: 'The feeds a web page or feed address offers, comment feeds first; a feed address downloaded here is kept 5 minutes for the subscribe that follows.',
    input: z.object({ url: webAddress }).strict(),
    result: returns<FeedCandidate[]>(),
  },
  'feeds-subscribe': {
    summary:
      'Subscribe to a feed or page address (its best comment feed) and fetch it once. A feed on this computer or the local network needs allowLocal: true, the moderator\'s confirmation.',
    input: z
      .object({
        url: webAddress,
        title: z.string().max(300).optional(),
        intervalMinutes: interval.optional(),
        followDays: followDays.optional(),
        allowLocal: z.boolean().optional(),
      })
      .strict(),
    result: returns<SubscribeResult>(),
  },
  'feeds-update': {
    summary: 'Rename a feed, change how often it is fetched, mute or unmute it, or set how long new posts are followed.',
    input: z
      .object({
        id: feedId,
        title: z.string().trim().max(300).optional(),
        intervalMinutes: interval.optional(),
        status: z.enum(['active', 'muted']).optional(),
        followDays: followDays.nullable().optional(),
      })
      .strict(),
    result: returns<FeedSummary>(),
  },
  'feeds-unsubscribe': {
    summary: "Stop following a feed; keep its comments and decisions unless deleteItems is true.",
    input: z.object({ id: feedId, deleteItems: z.boolean().default(false) }).strict(),
    result: returns<{ feedId: number; deletedItems: number; keptItems: number }>(),
  },
  'feeds-fetch': {
    summary: 'Fetch the feeds that are due (all active feeds with all, or the ones named) and store new comments.',
    input: z.object({ feedIds: z.array(feedId).max(10_000).optional(), all: z.boolean().default(false) }).strict(),
    result: returns<FetchResult[]>(),
  },
  'feeds-fetch-cancel': {
    summary: 'Cancel the fetch under way; feeds already stored stay stored.',
    input: noInput,
    result: returns<{ cancelled: boolean }>(),
  },
  'feeds-retry': {
    summary: 'Fetch a failing or parked feed now and resume its schedule.',
    input: z.object({ id: feedId }).strict(),
    result: returns<FetchResult>(),
  },
  'feeds-load-samples': {
    summary: 'Subscribe to the bundled sample comment feeds and ingest them, offline.',
    input: noInput,
    result: returns<FetchResult[]>(),
  },
  'feeds-remove-samples': {
    summary: 'Remove the sample feeds and their comments.',
    input: noInput,
    result: returns<{ removedFeeds: number }>(),
  },
  'opml-import': {
    summary:
      'Subscribe to every feed in an OPML document (its first 10,000 outlines; leftOut counts the rest), in one transaction (fetch them with feeds-fetch). Feeds on this computer or the local network are left out (listed in local) unless allowLocal confirms them.',
    input: z.object({ opml: z.string().min(1).max(20 * 1024 * 1024), allowLocal: z.boolean().optional() }).strict(),
    result: returns<OpmlImportResult>(),
  },
  'opml-export': {
    summary: 'Every subscription (samples excepted) as an OPML document.',
    input: noInput,
    result: returns<{ opml: string; feeds: number }>(),
  },
} as const;
