// The team server's one LISTEN connection. Notifications are a doorbell: on each one, and after
// every (re)connection, the server tells its streams where the log's head is, and desktops read
// the log since their cursor, so a notification lost while the connection was down loses nothing.
// A connection can die without a word (a dropped route, pg_terminate_backend, a failover): a
// `SELECT 1` every few seconds with a time limit notices it, and the listener connects again.
import type pg from 'pg';
import { openClient } from '../../db/pg/pool';
import { CHANGES_CHANNEL } from '../../db/pg/tables/changes';
import { REVOKED_CHANNEL } from '../../db/pg/tables/moderators';

/** How the LISTEN connection shows in pg_stat_activity (and how tests find it). */
export const LISTENER_APPLICATION_NAME = 'switchboard-team-listener';

export interface ListenerOptions {
  /** A change was committed (or the listener just (re)connected and changes may have been missed). */
  onDoorbell(): void;
  /** A moderator was revoked (id), or null after a reconnection: check every open stream. */
  onRevoked(moderatorId: number | null): void;
  log(line: string): void;
  heartbeatMs?: number;
  timeoutMs?: number;
  retryMs?: number;
}

export interface ChangeListener {
  stop(): Promise<void>;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function listenForChanges(url: string, options: ListenerOptions): ChangeListener {
  const { heartbeatMs = 5_000, timeoutMs = 3_000, retryMs = 1_000 } = options;
  let current: pg.Client | null = null;
  let connecting = false;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const drop = (client: pg.Client, why: string) => {
    if (current !== client) return;
    current = null;
    options.log(`team server: lost the LISTEN connection to PostgreSQL (${why}); connecting again`);
    client.end().catch(() => {});
    void connect();
  };

  const connect = async (): Promise<void> => {
    if (connecting || stopped) return;
    connecting = true;
    const client = openClient(url, LISTENER_APPLICATION_NAME);
    client.on('error', (error) => drop(client, error.message));
    client.on('end', () => drop(client, 'the connection ended'));
    client.on('notification', (message) => {
      if (message.channel === REVOKED_CHANNEL) options.onRevoked(Number(message.payload));
      else options.onDoorbell();
    });
    try {
      await withTimeout(client.connect(), timeoutMs, 'connecting');
      await withTimeout(client.query(`LISTEN ${CHANGES_CHANNEL}; LISTEN ${REVOKED_CHANNEL}`), timeoutMs, 'LISTEN');
      connecting = false;
      if (stopped) {
        await client.end().catch(() => {});
        return;
      }
      current = client;
      // Whatever was committed while nobody listened: ring once, and look again at who may stream.
      options.onDoorbell();
      options.onRevoked(null);
    } catch (error) {
      connecting = false;
      client.end().catch(() => {});
      if (stopped) return;
      options.log(`team server: cannot LISTEN on PostgreSQL (${error instanceof Error ? error.message : String(error)}); trying again`);
      retry = setTimeout(() => void connect(), retryMs);
    }
  };

  const heartbeat = setInterval(() => {
    const client = current;
    if (!client) return;
    withTimeout(client.query('SELECT 1'), timeoutMs, 'the heartbeat').catch((error: Error) => drop(client, error.message));
  }, heartbeatMs);

  void connect();
  return {
    async stop() {
      stopped = true;
      clearInterval(heartbeat);
      clearTimeout(retry);
      const client = current;
      current = null;
      await client?.end().catch(() => {});
    },
  };
}
