// What the team server's PostgreSQL connections were doing during a stretch of the bench, sampled
// from pg_stat_activity every few milliseconds: running a statement, waiting on a lock (the change
// log's advisory lock serialises every write that appends to it), or idle inside a transaction
// (waiting on the server's process for its next statement). Says where a slow round trip waited.
import pg from 'pg';

const SAMPLE_EVERY_MS = 10;

export interface ConnectionStates {
  samples: number;
  /** Average number of connections in each state over the samples, e.g. { running: 1.2, 'waiting: Lock/advisory': 3.1 }. */
  average: Record<string, number>;
}

/** Starts sampling the connections to the database at `url` (all but the sampler's own); the returned function stops and sums up. */
export async function sampleConnections(url: string): Promise<() => Promise<ConnectionStates>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const totals = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      // LISTEN's connection sits idle and the server's pool keeps idle ones: only work in progress counts.
      const { rows } = await client.query<{ state: string; wait: string | null }>(
        `SELECT state, wait_event_type || '/' || wait_event AS wait FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')`,
      );
      samples += 1;
      for (const row of rows) {
        const key = row.state === 'idle in transaction' ? 'idle in a transaction' : row.wait?.startsWith('Lock/') ? `waiting: ${row.wait}` : 'running';
        totals.set(key, (totals.get(key) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    await client.end();
    return { samples, average: Object.fromEntries([...totals].map(([state, count]) => [state, count / Math.max(1, samples)])) };
  };
}

/** "connections busy on average: 1.40 running, 2.10 waiting: Lock/advisory, 0.80 idle in a transaction (312 samples)". */
export function describeConnections(states: ConnectionStates): string {
  const parts = Object.entries(states.average)
    .sort((a, b) => b[1] - a[1])
    .map(([state, average]) => `${average.toFixed(2)} ${state}`);
  return `PostgreSQL connections at work, on average: ${parts.join(', ') || 'none'} (${states.samples} samples)`;
}
