// What the feeds feature keeps while the service runs: the fetch under way (so it can be
// cancelled), the per-host download slots every fetch shares, whether the network seems
// reachable, the feeds discovery just downloaded, and the sample server once it is needed.
import { DiscoveredFeeds } from './discovered';
import { hostLimiter, type HostLimited } from './host-limiter';
import { classifyAddress } from '../../../common/ip-address';
import type { Classify } from './local-feeds';
import { startSampleServer, type SampleServer } from './samples/sample-feeds';

export class FeedsRuntime {
  /** How subscribing classifies the addresses a feed's host resolves to; tests play a public host on loopback. */
  readonly classifyAddress: Classify;

  constructor(options: { classifyAddress?: Classify } = {}) {
    this.classifyAddress = options.classifyAddress ?? classifyAddress;
  }

  /** The fetch run under way: its canceller, and a promise settled when it ends. */
  activeFetch: AbortController | null = null;
  activeRun: Promise<unknown> | null = null;
  /** One set of slots for the whole service, so a retry or a new subscription beside a run still counts. */
  readonly downloads: HostLimited = hostLimiter({ perHost: 2, total: 4 });
  online = true;
  /** Feeds downloaded by feeds-discover, for the feeds-subscribe that follows (discovered.ts). */
  readonly discovered = new DiscoveredFeeds();
  /** Set once the service closes: fetches still waiting for a slot then end as cancelled. */
  closed = false;
  private samples: Promise<SampleServer> | null = null;

  sampleServer(): Promise<SampleServer> {
    this.samples ??= startSampleServer();
    return this.samples;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.discovered.clear();
    this.activeFetch?.abort();
    if (this.samples) await (await this.samples).close();
  }
}
