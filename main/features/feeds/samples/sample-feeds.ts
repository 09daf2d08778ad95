// The sample comment feeds a newcomer can load from the empty state ("Try it with sample feeds",
// `switchboard demo`). They are bundled into the app and served from a loopback server inside it,
// so they go through the real fetch-parse-store pipeline, offline. Stored under a reserved
// .invalid address that names no real host; fetches of it are pointed at the loopback server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const files = import.meta.glob<string>('./*.{xml,rss,atom}', { query: '?raw', import: 'default', eager: true });

export const SAMPLE_ORIGIN = 'https://samples.switchboard.invalid';

const SAMPLES = new Map(Object.entries(files).map(([file, body]) => [file.replace(/^\.\//, ''), body]));

/** The stored address of every sample feed. */
export function sampleFeedUrls(): string[] {
  return [...SAMPLES.keys()].sort().map((name) => `${SAMPLE_ORIGIN}/${name}`);
}

export function isSampleUrl(url: string): boolean {
  return url.startsWith(`${SAMPLE_ORIGIN}/`);
}

export interface SampleServer {
  /** The loopback address that serves a stored sample address. */
  locate(sampleUrl: string): string;
  close(): Promise<void>;
}

export function startSampleServer(): Promise<SampleServer> {
  const server = http.createServer((req, res) => {
    const body = SAMPLES.get((req.url ?? '').replace(/^\//, ''));
    if (!body) return void res.writeHead(404).end();
    const type = req.url?.endsWith('.atom') ? 'application/atom+xml' : 'application/rss+xml';
    res.writeHead(200, { 'Content-Type': `${type}; charset=utf-8` }).end(body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.unref();
      resolve({
        locate: (sampleUrl) => `http://127.0.0.1:${port}/${sampleUrl.slice(SAMPLE_ORIGIN.length + 1)}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
