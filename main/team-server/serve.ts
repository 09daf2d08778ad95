// `switchboard team serve`: checks the schema, refuses to listen beyond this machine without TLS
// (or an explicit word that a TLS proxy stands in front), starts the server and the fetcher.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { SwitchboardError } from '../../common/errors';
import { pgReachError } from './errors';
import { requireCurrentSchema } from '../../db/pg/migrate';
import { openPool } from '../../db/pg/pool';
import { readWorkspace, recordServerUrl } from '../../db/pg/tables/workspace';
import { createTeamServer } from './server';
import { startTeamFetcher } from './fetcher';
import { workerRunner } from '../features/feeds/runner';

export interface ServeOptions {
  pgUrl: string;
  host: string;
  port: number;
  tlsCert?: string;
  tlsKey?: string;
  insecureBehindProxy?: boolean;
  /** The address desktops use, when a proxy stands in front (printed in invites). */
  publicUrl?: string;
  /** Fetch feeds on this computer or its network too (off: only the public internet). */
  allowLocalFeeds?: boolean;
  log?: (line: string) => void;
}

export interface RunningTeamServer {
  url: string;
  workspace: string;
  stop(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  const bare = host.replace(/^\[|\]$/g, '');
  if (net.isIPv4(bare)) return bare.startsWith('127.');
  if (net.isIPv6(bare)) return bare === '::1' || /^::ffff:127\./i.test(bare);
  return false;
}

/** Refuses a listening address beyond loopback unless TLS is given or a proxy is declared. */
export function checkExposure(options: Pick<ServeOptions, 'host' | 'tlsCert' | 'tlsKey' | 'insecureBehindProxy'>): void {
  if ((options.tlsCert === undefined) !== (options.tlsKey === undefined)) {
    throw new SwitchboardError('invalid-input', 'team', 'give both --tls-cert FILE and --tls-key FILE (the certificate and its private key, PEM), or neither');
  }
  if (isLoopback(options.host) || options.tlsCert !== undefined || options.insecureBehindProxy) return;
  throw new SwitchboardError(
    'invalid-input',
    'team',
    `listening on ${options.host} would send moderators' tokens and comments unencrypted over the network. ` +
      'Either give --tls-cert FILE --tls-key FILE, or keep the team server on 127.0.0.1 and put a TLS proxy in front of it ' +
      '(Caddy: "caddy reverse-proxy --from team.example.com --to 127.0.0.1:PORT"; nginx: a server block with ssl_certificate and proxy_pass http://127.0.0.1:PORT, proxy_buffering off for the stream), ' +
      'or pass --insecure-behind-proxy if such a proxy on this machine already forwards to this address',
  );
}

/**
 * The address invites print: the listening one, except that "every address" (0.0.0.0, ::) is no
 * address to connect to, so this machine's name stands in for it (--public-url overrides both).
 */
function reachableUrl(listening: string): string {
  const url = new URL(listening);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = os.hostname();
  return url.origin;
}

export async function serveTeam(options: ServeOptions): Promise<RunningTeamServer> {
  checkExposure(options);
  const tls = options.tlsCert !== undefined && options.tlsKey !== undefined ? { cert: fs.readFileSync(options.tlsCert), key: fs.readFileSync(options.tlsKey) } : undefined;
  const pool = openPool(options.pgUrl);
  try {
    await requireCurrentSchema(pool);
    const server = createTeamServer({ pool, pgUrl: options.pgUrl, tls, log: options.log });
    const url = await server.listen(options.port, options.host);
    await recordServerUrl(pool, options.publicUrl ?? reachableUrl(url));
    const workspace = (await readWorkspace(pool))?.name ?? 'Team';
    // Every team server on the database starts one; the one holding the fetcher lock fetches.
    const runner = workerRunner();
    const fetcher = startTeamFetcher(pool, { runner, allowLocalFeeds: options.allowLocalFeeds, log: options.log });
    return {
      url,
      workspace,
      async stop() {
        await fetcher.stop();
        await runner.close();
        await server.close();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end().catch(() => {});
    throw pgReachError(error);
  }
}
