// What the lead process and an ingest worker thread say to each other (ingest-thread.ts, main/workers/ingest-worker.ts).
import type { Discovery } from './discover';
import type { DownloadedFeed, IngestJob, IngestOutcome } from './pipeline';

export type FailedOutcome = Extract<IngestOutcome, { status: 'error' | 'cancelled' }>;
/** An address's feeds and, when the address was a feed, its download (see Discovery). */
export type DiscoverOutcome = ({ status: 'ok' } & Discovery) | FailedOutcome;

export type WorkerRequest = { type: 'run'; id: number; job: IngestJob } | { type: 'discover'; id: number; url: string } | { type: 'cancel'; id: number };

export type WorkerReply =
  | { id: number; outcome: IngestOutcome | DiscoverOutcome }
  /** The network part is over; `downloaded` is the body read, kept by the lead in case the job must be read again. */
  | { id: number; fetched: true; downloaded?: DownloadedFeed }
  /** The job's reading (parse and sanitize) starts now; a thread reads one feed at a time. */
  | { id: number; reading: true };
